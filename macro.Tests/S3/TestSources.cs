using Amazon.Runtime;
using MacroVersioning.Code;

namespace MacroVersioning.Tests.S3;

/// <summary>S3 content sources for tests: explicit dummy keys, never the default credential chain.</summary>
internal static class TestSources
{
    public const string Region = "us-east-1";

    public static S3ContentSource For(Uri endpoint, S3ReadOptions? options = null, S3DigestCache? cache = null, HttpClientFactory? http = null)
    {
        options ??= S3ReadOptions.Default;
        var client = S3ClientFactory.Create(Region, endpoint, options, new BasicAWSCredentials("S3RVER", "S3RVER"), http);
        return new S3ContentSource(client, Region, endpoint, options, cache ?? new S3DigestCache());
    }

    /// <summary>Short time-outs and few retries, for tests that exercise failures.</summary>
    public static S3ReadOptions Impatient { get; } = S3ReadOptions.Default with
    {
        AttemptTimeout = TimeSpan.FromSeconds(2),
        CallTimeout = TimeSpan.FromSeconds(10),
        ReadIdleTimeout = TimeSpan.FromSeconds(2),
        MaxErrorRetry = 1,
    };
}

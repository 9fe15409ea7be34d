using MacroVersioning.Core.Pruning;

namespace MacroVersioning.Aws;

/// <summary>
/// The pruner on the real Lambda API, for the custom-resource handler and the CLI. One HttpClient for
/// the process, so a warm Lambda reuses its connection.
/// </summary>
internal static class LambdaVersionPruner
{
    /// <summary>Per HTTP attempt; the caller's token (the Lambda deadline) bounds the whole prune.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    public static HttpClient SharedHttp { get; } = CreateHttpClient();

    /// <param name="endpoint">Null for Lambda's public endpoint in <paramref name="region"/>; a stand-in's address in tests.</param>
    public static IVersionPruner Create(string region, Uri? endpoint) =>
        Create(region, endpoint, AwsCredentialSource.Process, SharedHttp, TimeProvider.System);

    public static IVersionPruner Create(string region, Uri? endpoint, AwsCredentialSource credentials, HttpClient http, TimeProvider time) =>
        new VersionPruner(new LambdaRestApi(http, endpoint ?? EndpointFor(region), region, credentials, time));

    /// <summary>https://docs.aws.amazon.com/general/latest/gr/lambda-service.html: lambda.REGION.amazonaws.com (.com.cn in China).</summary>
    public static Uri EndpointFor(string region) =>
        new($"https://lambda.{region}.{(region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com")}/");

    public static HttpClient CreateHttpClient() =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = AttemptTimeout };
}

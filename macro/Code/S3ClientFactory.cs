using System.Collections.Concurrent;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace MacroVersioning.Code;

/// <summary>
/// S3 clients for reading code, one per region/endpoint for the life of the process so a warm
/// Lambda reuses connections. AWS endpoints use the default credential chain (the Lambda's role).
/// </summary>
internal static class S3ClientFactory
{
    private static readonly ConcurrentDictionary<(string Region, Uri? Endpoint), IAmazonS3> Clients = new();

    public static IAmazonS3 Shared(string region, Uri? endpoint) =>
        Clients.GetOrAdd((region, endpoint), k => Create(k.Region, k.Endpoint, S3ReadOptions.Default, CredentialsFor(k.Endpoint)));

    /// <param name="credentials">Null: the SDK's default chain.</param>
    /// <param name="httpClientFactory">Tests substitute the HTTP layer; null for the real one.</param>
    public static IAmazonS3 Create(
        string region, Uri? endpoint, S3ReadOptions options, AWSCredentials? credentials, HttpClientFactory? httpClientFactory = null)
    {
        var config = new AmazonS3Config
        {
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = options.MaxErrorRetry,
            Timeout = options.AttemptTimeout,
            ConnectTimeout = options.AttemptTimeout,

            // The macro hashes every byte with SHA-256 itself; the SDK's CRC over GET bodies would
            // only cost CPU, and its trailing checksums are unknown to many S3-compatible servers.
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
        };
        if (endpoint is null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
        else
        {
            // S3-compatible servers (s3rver, MinIO) rarely resolve bucket subdomains.
            config.ServiceURL = endpoint.ToString();
            config.ForcePathStyle = true;
            config.AuthenticationRegion = region;
        }

        if (httpClientFactory is not null)
        {
            config.HttpClientFactory = httpClientFactory;
        }

        return credentials is null ? new AmazonS3Client(config) : new AmazonS3Client(credentials, config);
    }

    /// <summary>
    /// A custom endpoint is a local or third-party server: take keys from the environment when set,
    /// else send unsigned requests. Walking the full default chain there would probe the EC2
    /// instance-metadata address from a developer's machine for nothing.
    /// </summary>
    private static AWSCredentials? CredentialsFor(Uri? endpoint) =>
        endpoint is null ? null
        : Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") is { Length: > 0 } ? new EnvironmentVariablesAWSCredentials()
        : new AnonymousAWSCredentials();
}

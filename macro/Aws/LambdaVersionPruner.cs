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

    /// <summary>
    /// The endpoint the AWS SDKs take from the environment: <c>AWS_ENDPOINT_URL_LAMBDA</c>, else <c>AWS_ENDPOINT_URL</c>,
    /// neither when <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS</c> is true
    /// (https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html); null means Lambda's public endpoint.
    /// A value that is not an absolute http(s) URL is not an endpoint and is passed over.
    /// </summary>
    public static Uri? EndpointFromEnvironment(Func<string, string?> environment)
    {
        if (string.Equals(environment("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        foreach (var name in (string[])["AWS_ENDPOINT_URL_LAMBDA", "AWS_ENDPOINT_URL"])
        {
            if (Uri.TryCreate(environment(name), UriKind.Absolute, out var endpoint) && endpoint.Scheme is "http" or "https")
            {
                return endpoint;
            }
        }

        return null;
    }

    public static HttpClient CreateHttpClient() =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = AttemptTimeout };
}

using MacroVersioning.Aws;

namespace MacroVersioning.Tests.Pruning;

/// <summary>The Lambda endpoint from the environment, as the AWS SDKs read it (service-specific before global).</summary>
public sealed class LambdaEndpointTests
{
    public static TheoryData<string, string?, string?, string?, string?> Cases => new()
    {
        { "nothing set: Lambda's public endpoint", null, null, null, null },
        { "the Lambda-specific variable", "http://127.0.0.1:9001/", null, null, "http://127.0.0.1:9001/" },
        { "the global variable", null, "https://vpce.example.com/", null, "https://vpce.example.com/" },
        { "the Lambda-specific one wins over the global one", "http://127.0.0.1:9001/", "https://vpce.example.com/", null, "http://127.0.0.1:9001/" },
        { "ignored when told to", "http://127.0.0.1:9001/", "https://vpce.example.com/", "TRUE", null },
        { "not a URL is passed over for the next", "lambda.local", "https://vpce.example.com/", null, "https://vpce.example.com/" },
        { "not http(s) is passed over", "file:///etc/passwd", null, null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reads_the_endpoint_the_sdks_would(string name, string? lambda, string? global, string? ignore, string? expected)
    {
        var environment = new Dictionary<string, string?>
        {
            ["AWS_ENDPOINT_URL_LAMBDA"] = lambda,
            ["AWS_ENDPOINT_URL"] = global,
            ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = ignore,
        };

        var endpoint = LambdaVersionPruner.EndpointFromEnvironment(environment.GetValueOrDefault);

        endpoint?.ToString().Should().Be(expected, name);
        (endpoint is null).Should().Be(expected is null, name);
    }
}

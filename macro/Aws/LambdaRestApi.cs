using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MacroVersioning.Core.Pruning;

namespace MacroVersioning.Aws;

/// <summary>
/// <see cref="ILambdaVersionApi"/> over the Lambda REST API with HttpClient and SigV4 (AWSSDK.Lambda is
/// not available). Paths, query parameters and response shapes from the Lambda API reference:
/// ListVersionsByFunction https://docs.aws.amazon.com/lambda/latest/api/API_ListVersionsByFunction.html,
/// ListAliases https://docs.aws.amazon.com/lambda/latest/api/API_ListAliases.html,
/// ListProvisionedConcurrencyConfigs https://docs.aws.amazon.com/lambda/latest/api/API_ListProvisionedConcurrencyConfigs.html
/// (note its 2019-09-30 path), ListEventSourceMappings https://docs.aws.amazon.com/lambda/latest/api/API_ListEventSourceMappings.html,
/// DeleteFunction with Qualifier https://docs.aws.amazon.com/lambda/latest/api/API_DeleteFunction.html.
/// Listings are retried on throttling, 5xx and network errors; a deletion is tried once (its failure is
/// recorded by the pruner and the next deployment tries again).
/// </summary>
internal sealed class LambdaRestApi(HttpClient http, Uri endpoint, string region, AwsCredentialSource credentials, TimeProvider time) : ILambdaVersionApi
{
    public const string Service = "lambda";
    private const int ListAttempts = 3;
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(100);

    public async Task<ApiPage<FunctionVersionInfo>> ListVersionsAsync(string functionName, string? marker, CancellationToken cancellationToken)
    {
        var body = await GetAsync($"2015-03-31/functions/{Segment(functionName)}/versions", Query(marker, ("MaxItems", "50")), cancellationToken).ConfigureAwait(false);
        var items = Items(body, "Versions").Select(v => new FunctionVersionInfo(Text(v, "Version") ?? "", Text(v, "Description"))).ToList();
        return new ApiPage<FunctionVersionInfo>(items, Text(body, "NextMarker"));
    }

    public async Task<ApiPage<AliasInfo>> ListAliasesAsync(string functionName, string? marker, CancellationToken cancellationToken)
    {
        var body = await GetAsync($"2015-03-31/functions/{Segment(functionName)}/aliases", Query(marker), cancellationToken).ConfigureAwait(false);
        var items = Items(body, "Aliases").Select(a => new AliasInfo(Text(a, "Name") ?? "", Text(a, "FunctionVersion") ?? "", Weights(a))).ToList();
        return new ApiPage<AliasInfo>(items, Text(body, "NextMarker"));
    }

    public async Task<ApiPage<string>> ListProvisionedConcurrencyAsync(string functionName, string? marker, CancellationToken cancellationToken)
    {
        var body = await GetAsync($"2019-09-30/functions/{Segment(functionName)}/provisioned-concurrency", Query(marker, ("List", "ALL")), cancellationToken).ConfigureAwait(false);
        var items = Items(body, "ProvisionedConcurrencyConfigs").Select(c => Text(c, "FunctionArn")).OfType<string>().ToList();
        return new ApiPage<string>(items, Text(body, "NextMarker"));
    }

    public async Task<ApiPage<EventSourceMappingInfo>> ListEventSourceMappingsAsync(string functionName, string? marker, CancellationToken cancellationToken)
    {
        var body = await GetAsync("2015-03-31/event-source-mappings", Query(marker, ("FunctionName", functionName)), cancellationToken).ConfigureAwait(false);
        var items = Items(body, "EventSourceMappings").Select(m => new EventSourceMappingInfo(Text(m, "UUID") ?? "", Text(m, "FunctionArn") ?? "")).ToList();
        return new ApiPage<EventSourceMappingInfo>(items, Text(body, "NextMarker"));
    }

    public async Task DeleteVersionAsync(string functionName, string version, CancellationToken cancellationToken)
    {
        // Only a version number ever reaches here: without a Qualifier DeleteFunction deletes the whole function.
        if (!VersionQualifier.IsVersionNumber(version))
        {
            throw new LambdaApiException(null, "NotAVersion", $"refusing to delete \"{version}\": not a version number");
        }

        using var response = await SendAsync(HttpMethod.Delete, $"2015-03-31/functions/{Segment(functionName)}", Query(null, ("Qualifier", version)), cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonNode?> GetAsync(string path, string query, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var response = await SendAsync(HttpMethod.Get, path, query, cancellationToken).ConfigureAwait(false);
                await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
                var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    return JsonNode.Parse(text);
                }
                catch (JsonException e)
                {
                    throw new LambdaApiException((int)response.StatusCode, "MalformedResponse", $"GET /{path}: the response is not JSON ({e.Message})", e);
                }
            }
            catch (LambdaApiException e) when (attempt < ListAttempts && Retryable(e))
            {
                await Task.Delay(FirstBackoff * Math.Pow(4, attempt - 1), time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static bool Retryable(LambdaApiException e) => e.Status is null or 429 or >= 500;

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string query, CancellationToken cancellationToken)
    {
        var uri = new Uri(endpoint, path + (query.Length > 0 ? "?" + query : ""));
        using var request = new HttpRequestMessage(method, uri);
        try
        {
            var signingCredentials = await credentials.GetAsync(cancellationToken).ConfigureAwait(false);
            await SigV4Signer.SignAsync(request, signingCredentials, region, Service, time.GetUtcNow().UtcDateTime, SigV4Settings.Default, cancellationToken).ConfigureAwait(false);
            return await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new LambdaApiException(null, "NetworkError", $"{method} /{path}: {e.Message}", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LambdaApiException(null, "Timeout", $"{method} /{path}: no answer within {http.Timeout.TotalSeconds:0} s", e);
        }
        catch (Amazon.Runtime.AmazonClientException e)
        {
            throw new LambdaApiException(null, "NoCredentials", e.Message, e);
        }
    }

    /// <summary>
    /// Lambda (REST-JSON) names the error type in the <c>x-amzn-ErrorType</c> header (<c>Type:detail</c>) and
    /// puts <c>Type</c> and <c>message</c> or <c>Message</c> in the body, e.g.
    /// https://docs.aws.amazon.com/botocore/latest/reference/services/lambda/client/exceptions/ServiceException.html
    /// </summary>
    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        JsonNode? body = null;
        try
        {
            body = text.Length > 0 ? JsonNode.Parse(text) : null;
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's page): the status says enough.
        }

        var type = response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.First().Split(':')[0] : null;
        type ??= Text(body, "__type") ?? Text(body, "Type") ?? response.StatusCode.ToString();
        var message = Text(body, "message") ?? Text(body, "Message") ?? response.ReasonPhrase ?? "";
        throw new LambdaApiException((int)response.StatusCode, type, message);
    }

    private static string Segment(string functionName) => Uri.EscapeDataString(functionName);

    private static string Query(string? marker, params (string Name, string Value)[] parameters)
    {
        var pairs = parameters.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}").ToList();
        if (!string.IsNullOrEmpty(marker))
        {
            pairs.Add($"Marker={Uri.EscapeDataString(marker)}");
        }

        return string.Join('&', pairs);
    }

    /// <summary>
    /// A missing list is an empty one; anything else that is not a list means the page cannot be trusted
    /// (a half-read alias page must not look like "no aliases").
    /// </summary>
    private static IEnumerable<JsonNode> Items(JsonNode? body, string name) => body switch
    {
        JsonObject o when o[name] is JsonArray array => array.OfType<JsonNode>(),
        JsonObject o when o[name] is null => [],
        _ => throw new LambdaApiException(200, "MalformedResponse", $"the response has no {name} list"),
    };

    private static string? Text(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static IReadOnlyDictionary<string, double> Weights(JsonNode alias)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        if (alias["RoutingConfig"]?["AdditionalVersionWeights"] is JsonObject map)
        {
            foreach (var (version, weight) in map)
            {
                weights[version] = weight is JsonValue w && w.TryGetValue<double>(out var d) ? d : 0;
            }
        }

        return weights;
    }
}

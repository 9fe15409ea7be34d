using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace MacroVersioning.Lambda;

/// <summary>
/// The four calls of the Lambda runtime API, version 2018-06-01, over plain HTTP (the
/// Amazon.Lambda.RuntimeSupport package is not available to this build).
/// See https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html
/// </summary>
internal sealed class RuntimeApiClient(HttpClient http, TimeSpan postTimeout)
{
    /// <summary>Loopback posts take milliseconds; past this the runtime API is stuck and the loop moves on.</summary>
    public static readonly TimeSpan DefaultPostTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// An HttpClient without an overall timeout: <c>next</c> long-polls (Lambda may freeze the
    /// process while it waits), so only the posts are bounded, per call.
    /// </summary>
    /// <param name="runtimeApi">The <c>AWS_LAMBDA_RUNTIME_API</c> value, <c>host:port</c>.</param>
    public static HttpClient CreateHttpClient(string runtimeApi) => new()
    {
        BaseAddress = new Uri($"http://{runtimeApi}/2018-06-01/runtime/"),
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public async Task<RuntimeInvocation> NextAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("invocation/next", HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new RuntimeApiException("next", response.StatusCode);
        }

        var requestId = Header(response, "Lambda-Runtime-Aws-Request-Id")
            ?? throw new InvalidOperationException("runtime API next answered without a Lambda-Runtime-Aws-Request-Id header");
        var deadline = long.TryParse(Header(response, "Lambda-Runtime-Deadline-Ms"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? ms
            : (long?)null;
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new RuntimeInvocation(
            requestId, deadline, Header(response, "Lambda-Runtime-Invoked-Function-Arn"), Header(response, "Lambda-Runtime-Trace-Id"), body);
    }

    public Task PostResponseAsync(string requestId, string body, CancellationToken cancellationToken) =>
        PostAsync($"invocation/{Uri.EscapeDataString(requestId)}/response", body, errorType: null, "response", cancellationToken);

    public Task PostInvocationErrorAsync(string requestId, RuntimeError error, CancellationToken cancellationToken) =>
        PostAsync($"invocation/{Uri.EscapeDataString(requestId)}/error", error.ToJson(), error.ErrorType, "invocation error", cancellationToken);

    public Task PostInitErrorAsync(RuntimeError error, CancellationToken cancellationToken) =>
        PostAsync("init/error", error.ToJson(), error.ErrorType, "init error", cancellationToken);

    private async Task PostAsync(string path, string json, string? errorType, string operation, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(postTimeout);
        using var content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (errorType is not null)
        {
            request.Headers.TryAddWithoutValidation("Lambda-Runtime-Function-Error-Type", errorType);
        }

        using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new RuntimeApiException(operation, response.StatusCode);
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}

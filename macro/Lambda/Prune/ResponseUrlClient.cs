using System.Text;

namespace MacroVersioning.Lambda.Prune;

/// <summary>
/// Delivers a custom-resource response: an HTTP PUT of the JSON to the presigned S3 <c>ResponseURL</c> with an
/// empty content type, since the URL's signature was computed for one (as AWS's own <c>cfn-response</c> module
/// sends it: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cfn-lambda-function-code-cfnresponsemodule.html).
/// Retried with backoff while the deadline allows: without the response CloudFormation waits out the resource's
/// timeout (an hour by default) and then fails the stack operation.
/// </summary>
internal sealed class ResponseUrlClient(HttpClient http, ResponseUrlRetry retry)
{
    /// <summary>An HttpClient without its own timeout: each attempt is bounded by <see cref="ResponseUrlRetry.AttemptTimeout"/>.</summary>
    public static HttpClient CreateHttpClient() => new() { Timeout = Timeout.InfiniteTimeSpan };

    /// <returns>How many attempts were made and whether one was accepted (a 2xx answer).</returns>
    /// <param name="cancellationToken">The last moment to try; one attempt is made even when it has already passed.</param>
    public async Task<(bool Delivered, int Attempts, string? LastError)> PutAsync(Uri url, string json, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(json);
        string? lastError = null;
        for (var attempt = 1; attempt <= retry.MaxAttempts; attempt++)
        {
            if (attempt > 1)
            {
                try
                {
                    await Task.Delay(retry.Delay(attempt - 1), cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return (false, attempt - 1, lastError);
                }
            }

            lastError = await TryOnceAsync(url, body, cancellationToken, firstAttempt: attempt == 1).ConfigureAwait(false);
            if (lastError is null)
            {
                return (true, attempt, null);
            }
        }

        return (false, retry.MaxAttempts, lastError);
    }

    /// <returns>Null when accepted, else what went wrong (never the URL: it carries a signature).</returns>
    private async Task<string?> TryOnceAsync(Uri url, byte[] body, CancellationToken cancellationToken, bool firstAttempt)
    {
        // The first attempt is not bound to the deadline token: even a response that is late is better than none.
        using var timeout = firstAttempt ? new CancellationTokenSource() : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(retry.AttemptTimeout);
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = null;
            using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = content };
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (OperationCanceledException)
        {
            return "timed out";
        }
        catch (HttpRequestException e)
        {
            return e.HttpRequestError.ToString();
        }
    }
}

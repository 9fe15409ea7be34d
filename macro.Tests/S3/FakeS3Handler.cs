using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;

namespace MacroVersioning.Tests.S3;

/// <summary>
/// An in-memory S3 behind the real SDK: requests go through the SDK's signing, retries and
/// response parsing, and end here instead of on the network.
/// </summary>
internal sealed class FakeS3Handler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    public static readonly Uri Endpoint = new("http://fake-s3.test/");

    public ConcurrentQueue<Recorded> Requests { get; } = new();

    public HttpClientFactory Factory => new Factories(this);

    public IEnumerable<Recorded> Gets => Requests.Where(r => r.Method == "GET");

    /// <summary>The ETag S3 gives a single-part upload: the hex MD5 of the bytes, quoted.</summary>
    public static string ETagOf(byte[] bytes) => $"\"{Convert.ToHexStringLower(MD5.HashData(bytes))}\"";

    /// <summary>Serves one object: HEAD with its headers, GET whole or by range.</summary>
    public static FakeS3Handler Serving(byte[] bytes, string etag, params (string Name, string Value)[] headers) =>
        new((request, _) => Task.FromResult(ObjectResponse(request, bytes, etag, headers)));

    /// <summary>Answers every request with an S3 error: HEAD bodiless as S3 does, GET with the XML body.</summary>
    public static FakeS3Handler Failing(HttpStatusCode status, string code) =>
        new((request, _) => Task.FromResult(ErrorResponse(request, status, code)));

    public static HttpResponseMessage ObjectResponse(HttpRequestMessage request, byte[] bytes, string etag, params (string Name, string Value)[] headers)
    {
        var (status, body) = (HttpStatusCode.OK, bytes.AsMemory());
        string? contentRange = null;
        if (request.Headers.Range?.Ranges.SingleOrDefault() is { From: { } from, To: { } to })
        {
            (status, body) = (HttpStatusCode.PartialContent, bytes.AsMemory((int)from, (int)(to - from + 1)));
            contentRange = $"bytes {from}-{to}/{bytes.Length}";
        }

        var response = new HttpResponseMessage(status)
        {
            Content = request.Method == HttpMethod.Head ? new ByteArrayContent([]) : new ReadOnlyMemoryContent(body),
        };
        response.Content.Headers.ContentLength = body.Length;
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        response.Headers.ETag = new EntityTagHeaderValue(etag);
        if (contentRange is not null)
        {
            response.Content.Headers.TryAddWithoutValidation("Content-Range", contentRange);
        }

        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    public static HttpResponseMessage ErrorResponse(HttpRequestMessage request, HttpStatusCode status, string code)
    {
        var xml = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{code}</Code><Message>{code} from the fake</Message><RequestId>R1</RequestId></Error>";
        return new HttpResponseMessage(status)
        {
            Content = request.Method == HttpMethod.Head ? new ByteArrayContent([]) : new StringContent(xml, Encoding.UTF8, "application/xml"),
        };
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(new Recorded(
            request.Method.Method,
            request.RequestUri!,
            request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase)));
        return await respond(request, cancellationToken);
    }

    /// <summary>What the SDK sent, captured before the fake answers.</summary>
    public sealed record Recorded(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers)
    {
        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
    }

    private sealed class Factories(HttpMessageHandler handler) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(handler, disposeHandler: false);

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

        public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;
    }
}

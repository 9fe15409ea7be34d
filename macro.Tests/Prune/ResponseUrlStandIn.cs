using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MacroVersioning.Tests.Tools;

namespace MacroVersioning.Tests.Prune;

/// <summary>
/// A stand-in for CloudFormation's presigned S3 response URL on 127.0.0.1: records every request (method,
/// path with query, headers, body) and answers 200, or a queued status first (a 500 to prove the retry). One
/// request per connection, so no retry hides on a reused connection.
/// </summary>
internal sealed class ResponseUrlStandIn : IAsyncDisposable
{
    /// <summary>Shaped like the real one: the stack ARN and ids escaped in the path, a signature in the query.</summary>
    public const string PresignedPath =
        "/arn%3Aaws%3Acloudformation%3Aus-east-1%3A123456789012%3Astack/app/1134083a%7CFnVersionPrune%7C5d478078?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1555451971&Signature=28UijZePE5I4dvukKQqM%2F9Rf1o4%3D";

    private readonly ConcurrentQueue<StandInHttpRequest> received = new();
    private readonly ConcurrentQueue<HttpStatusCode> statuses = new();
    private readonly LoopbackTcpServer server;

    private ResponseUrlStandIn()
    {
        server = new LoopbackTcpServer(AnswerAsync);
    }

    public Uri ResponseUrl => new($"http://127.0.0.1:{server.Port}{PresignedPath}");

    /// <summary>When set, every request is answered with this status: a response URL that never accepts.</summary>
    public HttpStatusCode? AlwaysAnswer { get; set; }

    public static ResponseUrlStandIn Start() => new();

    /// <summary>The next request not covered by <see cref="AlwaysAnswer"/> gets this status instead of 200.</summary>
    public void AnswerNextWith(HttpStatusCode status) => statuses.Enqueue(status);

    /// <summary>The requests received so far, in order, without waiting.</summary>
    public IReadOnlyList<StandInHttpRequest> Received() => [.. received];

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private async Task AnswerAsync(TcpClient client, CancellationToken stopping)
    {
        var stream = client.GetStream();
        var request = await StandInHttpRequest.ReadAsync(stream, stopping);
        received.Enqueue(request);
        var status = AlwaysAnswer ?? (statuses.TryDequeue(out var queued) ? queued : HttpStatusCode.OK);
        var head = $"HTTP/1.1 {(int)status} {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), stopping);
    }
}

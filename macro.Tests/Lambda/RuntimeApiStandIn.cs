using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using MacroVersioning.Tests.Tools;

namespace MacroVersioning.Tests.Lambda;

/// <summary>
/// A stand-in for the Lambda runtime API on 127.0.0.1, on a raw socket so it can fail the way a
/// network does (a TCP reset, not just an error status). Serves queued invocations on <c>next</c>
/// (long-polling while the queue is empty, as Lambda does) and records every post. One request
/// per connection (<c>Connection: close</c>), so HttpClient never silently retries a reset on a
/// reused connection and the loop under test sees every fault.
/// </summary>
internal sealed class RuntimeApiStandIn : IAsyncDisposable
{
    /// <summary>What <c>Lambda-Runtime-Invoked-Function-Arn</c> says on every invocation.</summary>
    public const string FunctionArn = "arn:aws:lambda:eu-west-1:123456789012:function:VersioningMacro";

    private const string Root = "/2018-06-01/runtime/";
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private readonly Channel<QueuedInvocation> invocations = Channel.CreateUnbounded<QueuedInvocation>();
    private readonly Channel<PostedToRuntime> posted = Channel.CreateUnbounded<PostedToRuntime>();
    private readonly ConcurrentQueue<NextFault> nextFaults = new();
    // Null: reset the connection instead of answering.
    private readonly ConcurrentQueue<HttpStatusCode?> responseStatuses = new();
    private readonly LoopbackTcpServer server;
    private int nextCalls;

    private RuntimeApiStandIn()
    {
        server = new LoopbackTcpServer(AnswerAsync);
        Address = $"127.0.0.1:{server.Port}";
    }

    /// <summary>The <c>AWS_LAMBDA_RUNTIME_API</c> value for this stand-in.</summary>
    public string Address { get; }

    public int NextCalls => Volatile.Read(ref nextCalls);

    public static RuntimeApiStandIn Start() => new();

    public void Enqueue(string requestId, string body, long? deadlineUnixMs = null, string? traceId = null) =>
        invocations.Writer.TryWrite(new QueuedInvocation(requestId, body, deadlineUnixMs, traceId));

    /// <summary>The next call to <c>next</c> fails this way instead of serving an invocation.</summary>
    public void FailNext(NextFault fault) => nextFaults.Enqueue(fault);

    /// <summary>The next response post is answered with this status instead of 202.</summary>
    public void AnswerNextResponseWith(HttpStatusCode status) => responseStatuses.Enqueue(status);

    /// <summary>The next response post is read, recorded and then answered with a TCP reset.</summary>
    public void ResetNextResponse() => responseStatuses.Enqueue(null);

    /// <summary>Waits until <paramref name="count"/> posts have arrived (any endpoint), in arrival order.</summary>
    public async Task<IReadOnlyList<PostedToRuntime>> WaitForPostsAsync(int count)
    {
        using var timeout = new CancellationTokenSource(WaitLimit);
        var result = new List<PostedToRuntime>();
        while (result.Count < count)
        {
            result.Add(await posted.Reader.ReadAsync(timeout.Token));
        }

        return result;
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();

    /// <summary>One request per connection: every answer says <c>Connection: close</c>.</summary>
    private async Task AnswerAsync(TcpClient client, CancellationToken stopping)
    {
        var stream = client.GetStream();
        var request = await StandInHttpRequest.ReadAsync(stream, stopping);
        var segments = request.Path.StartsWith(Root, StringComparison.Ordinal) ? request.Path[Root.Length..].Split('/') : [];
        var errorType = request.Headers.GetValueOrDefault("lambda-runtime-function-error-type");
        switch (request.Method, segments)
        {
            case ("GET", ["invocation", "next"]):
                await NextAsync(client, stream, stopping);
                return;
            case ("POST", ["invocation", var id, "response"]):
                Record(new PostedToRuntime(PostKind.Response, Uri.UnescapeDataString(id), request.Body, errorType));
                if (!responseStatuses.TryDequeue(out var status))
                {
                    status = HttpStatusCode.Accepted;
                }

                if (status is { } answer)
                {
                    await WriteAsync(stream, answer);
                }
                else
                {
                    LoopbackTcpServer.Reset(client);
                }

                return;
            case ("POST", ["invocation", var id, "error"]):
                Record(new PostedToRuntime(PostKind.InvocationError, Uri.UnescapeDataString(id), request.Body, errorType));
                await WriteAsync(stream, HttpStatusCode.Accepted);
                return;
            case ("POST", ["init", "error"]):
                Record(new PostedToRuntime(PostKind.InitError, null, request.Body, errorType));
                await WriteAsync(stream, HttpStatusCode.Accepted);
                return;
            default:
                await WriteAsync(stream, HttpStatusCode.NotFound);
                return;
        }
    }

    private async Task NextAsync(TcpClient client, NetworkStream stream, CancellationToken stopping)
    {
        Interlocked.Increment(ref nextCalls);
        if (nextFaults.TryDequeue(out var fault))
        {
            if (fault == NextFault.ConnectionReset)
            {
                LoopbackTcpServer.Reset(client);
            }
            else
            {
                await WriteAsync(stream, HttpStatusCode.InternalServerError);
            }

            return;
        }

        var invocation = await invocations.Reader.ReadAsync(stopping);
        var headers = new Dictionary<string, string>
        {
            ["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId,
            ["Lambda-Runtime-Invoked-Function-Arn"] = FunctionArn,
        };
        if (invocation.DeadlineUnixMs is { } deadline)
        {
            headers["Lambda-Runtime-Deadline-Ms"] = deadline.ToString(CultureInfo.InvariantCulture);
        }

        if (invocation.TraceId is { } trace)
        {
            headers["Lambda-Runtime-Trace-Id"] = trace;
        }

        await WriteAsync(stream, HttpStatusCode.OK, invocation.Body, headers);
    }

    private void Record(PostedToRuntime post) => posted.Writer.TryWrite(post);

    private static async Task WriteAsync(NetworkStream stream, HttpStatusCode status, string body = "", Dictionary<string, string>? headers = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = new StringBuilder($"HTTP/1.1 {(int)status} {status}\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n");
        foreach (var (name, value) in headers ?? [])
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()));
        await stream.WriteAsync(bytes);
    }

    private sealed record QueuedInvocation(string RequestId, string Body, long? DeadlineUnixMs, string? TraceId);
}

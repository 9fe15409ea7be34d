using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using MacroVersioning.Tests.Tools;

namespace MacroVersioning.Tests.S3;

/// <summary>
/// A misbehaving "S3" on 127.0.0.1 for failures a real server will not produce on demand: it reads
/// each request head and hands the connection to a behaviour that answers badly, or not at all.
/// </summary>
internal sealed class StandInServer : IAsyncDisposable
{
    private readonly Func<string, Stream, CancellationToken, Task<bool>> behaviour;
    private readonly LoopbackTcpServer server;
    private readonly ConcurrentBag<string> attempts = [];

    /// <param name="behaviour">Gets the method and the connection; returns false to close the connection.</param>
    private StandInServer(Func<string, Stream, CancellationToken, Task<bool>> behaviour)
    {
        this.behaviour = behaviour;
        server = new LoopbackTcpServer(ServeAsync);
    }

    public Uri Endpoint => server.Endpoint;

    /// <summary>
    /// The SDK's own attempt headers (<c>amz-sdk-request: attempt=N; max=M</c>) seen, not a count of
    /// requests: when an attempt times out, the SDK now and then sends the same attempt again,
    /// re-signed, so the wire can carry one request more than the attempts it makes.
    /// </summary>
    public IReadOnlySet<string> Attempts => attempts.ToHashSet();

    /// <summary>Accepts connections and never sends a byte.</summary>
    public static StandInServer Silent() => new(async (_, _, ct) =>
    {
        await Task.Delay(Timeout.Infinite, ct);
        return false;
    });

    /// <summary>Answers HEAD honestly, then declares <paramref name="length"/> bytes on GET, sends half and hangs up.</summary>
    public static StandInServer Truncating(int length) => new(async (method, stream, ct) =>
    {
        await WriteHeadAsync(stream, length, ct);
        if (method == "GET")
        {
            await stream.WriteAsync(new byte[length / 2], ct);
            return false;
        }

        return true;
    });

    /// <summary>Answers HEAD honestly, then sends half the declared body on GET and goes quiet.</summary>
    public static StandInServer StallingBody(int length) => new(async (method, stream, ct) =>
    {
        await WriteHeadAsync(stream, length, ct);
        if (method == "GET")
        {
            await stream.WriteAsync(new byte[length / 2], ct);
            await stream.FlushAsync(ct);
            await Task.Delay(Timeout.Infinite, ct);
        }

        return true;
    });

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private static Task WriteHeadAsync(Stream stream, int length, CancellationToken ct) =>
        stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"HTTP/1.1 200 OK\r\nContent-Length: {length}\r\nETag: \"0123456789abcdef0123456789abcdef\"\r\nContent-Type: application/zip\r\n\r\n"), ct).AsTask();

    private async Task ServeAsync(TcpClient client, CancellationToken stop)
    {
        var stream = client.GetStream();
        while (await StandInHttpRequest.TryReadAsync(stream, stop) is { } request)
        {
            attempts.Add(request.Headers.GetValueOrDefault("amz-sdk-request", ""));
            if (!await behaviour(request.Method, stream, stop))
            {
                return;
            }
        }
    }
}

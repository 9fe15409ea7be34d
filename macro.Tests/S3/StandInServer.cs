using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MacroVersioning.Tests.S3;

/// <summary>
/// A misbehaving "S3" on 127.0.0.1 for failures a real server will not produce on demand: it reads
/// each request head and hands the connection to a behaviour that answers badly, or not at all.
/// </summary>
internal sealed class StandInServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Func<string, Stream, CancellationToken, Task<bool>> behaviour;
    private readonly Task acceptLoop;

    /// <param name="behaviour">Gets the method and the connection; returns false to close the connection.</param>
    private StandInServer(Func<string, Stream, CancellationToken, Task<bool>> behaviour)
    {
        this.behaviour = behaviour;
        listener.Start();
        acceptLoop = AcceptAsync();
    }

    public Uri Endpoint => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");

    public int Requests { get; private set; }

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

    /// <summary>A loopback port with nothing listening on it.</summary>
    public static Uri ClosedEndpoint()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await acceptLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stop.Dispose();
    }

    private static Task WriteHeadAsync(Stream stream, int length, CancellationToken ct) =>
        stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"HTTP/1.1 200 OK\r\nContent-Length: {length}\r\nETag: \"0123456789abcdef0123456789abcdef\"\r\nContent-Type: application/zip\r\n\r\n"), ct).AsTask();

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                connections.Add(ServeAsync(client));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping.
        }

        await Task.WhenAll(connections).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            while (await ReadMethodAsync(stream, stop.Token) is { } method)
            {
                Requests++;
                if (!await behaviour(method, stream, stop.Token))
                {
                    return;
                }
            }
        }
    }

    /// <summary>Reads one request head (these stand-ins only see bodiless HEAD and GET requests).</summary>
    private static async Task<string?> ReadMethodAsync(Stream stream, CancellationToken ct)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, ct) == 0)
            {
                return null;
            }

            head.Append((char)one[0]);
        }

        return head.ToString().Split(' ')[0];
    }
}

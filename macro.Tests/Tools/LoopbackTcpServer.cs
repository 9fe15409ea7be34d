using System.Net;
using System.Net.Sockets;

namespace MacroVersioning.Tests.Tools;

/// <summary>
/// A TCP listener on 127.0.0.1 that hands each connection to a serve function until disposed. The
/// stand-in servers build on raw sockets rather than an HTTP server so they can fail the way a
/// network does: a reset, a close mid-body, silence.
/// </summary>
internal sealed class LoopbackTcpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Func<TcpClient, CancellationToken, Task> serve;
    private readonly Task acceptLoop;

    /// <param name="serve">Answers one connection; gets a token that fires when the server stops.</param>
    public LoopbackTcpServer(Func<TcpClient, CancellationToken, Task> serve)
    {
        this.serve = serve;
        listener.Start();
        acceptLoop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public Uri Endpoint => new($"http://127.0.0.1:{Port}/");

    /// <summary>A loopback port with nothing listening on it.</summary>
    public static Uri ClosedEndpoint()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    /// <summary>Linger zero turns the close into a TCP RST: the client sees "connection reset by peer".</summary>
    public static void Reset(TcpClient client)
    {
        client.Client.LingerState = new LingerOption(true, 0);
        client.Client.Close();
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await acceptLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stop.Dispose();
    }

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
            try
            {
                await serve(client, stop.Token);
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // The client hung up or the server is stopping.
            }
        }
    }
}

using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace MacroVersioning.Tests.Faults;

/// <summary>
/// An "S3" on 127.0.0.1 that serves one good object honestly and answers every request for one bad
/// key with a fault: an error status, a body cut by a reset or a close, a stall, a wrong size or MD5.
/// Raw sockets, so the faults are the network's own (a TCP reset, not an exception thrown in-process),
/// and keep-alive, so the good object is read over the same client the fault hit.
/// </summary>
internal sealed class FaultyS3Server : IAsyncDisposable
{
    public const string Bucket = "code";
    public const string GoodKey = "good.zip";
    public const string BadKey = "bad.zip";

    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly S3Fault fault;
    private readonly Task acceptLoop;
    private int badRequests;

    private FaultyS3Server(byte[] good, S3Fault fault)
    {
        Good = good;
        this.fault = fault;
        listener.Start();
        acceptLoop = AcceptAsync();
    }

    public Uri Endpoint => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");

    public byte[] Good { get; }

    /// <summary>Requests that reached the bad key: proof the fault was injected, not skipped.</summary>
    public int BadRequests => Volatile.Read(ref badRequests);

    public static FaultyS3Server Start(byte[] good, S3Fault fault) => new(good, fault);

    /// <summary>The quoted hex MD5 S3 gives a single-part upload as its ETag.</summary>
    public static string ETagOf(byte[] bytes) => $"\"{Convert.ToHexStringLower(MD5.HashData(bytes))}\"";

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
                var stream = client.GetStream();
                while (await ReadHeadAsync(stream, stop.Token) is { } head)
                {
                    var keepOpen = head.Path.EndsWith("/" + BadKey, StringComparison.Ordinal)
                        ? await BadAsync(head.Method, client, stream)
                        : await GoodAsync(head.Method, stream);
                    if (!keepOpen)
                    {
                        return;
                    }
                }
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // The client hung up or the server is stopping.
            }
        }
    }

    private async Task<bool> GoodAsync(string method, NetworkStream stream)
    {
        await WriteHeadAsync(stream, 200, Good.Length, ETagOf(Good));
        if (method == "GET")
        {
            await stream.WriteAsync(Good, stop.Token);
        }

        return true;
    }

    private async Task<bool> BadAsync(string method, TcpClient client, NetworkStream stream)
    {
        Interlocked.Increment(ref badRequests);
        var body = fault.Body;
        var etag = ETagOf(fault.ETagOfOtherBytes ? [1, 2, 3] : body);
        switch (fault.Kind)
        {
            case S3FaultKind.Status:
            case S3FaultKind.GetStatus when method == "GET":
                var xml = method == "HEAD" ? [] : Encoding.UTF8.GetBytes(
                    $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{fault.ErrorCode}</Code><Message>{fault.ErrorCode} from the stand-in</Message><RequestId>R1</RequestId></Error>");
                await WriteHeadAsync(stream, fault.Status, xml.Length, etag: null, "application/xml");
                await stream.WriteAsync(xml, stop.Token);
                return false;
            case S3FaultKind.Silent:
                await Task.Delay(Timeout.Infinite, stop.Token);
                return false;
            case var _ when method != "GET":
                await WriteHeadAsync(stream, 200, fault.HeadLength ?? body.Length, etag);
                return true;
            case S3FaultKind.ResetMidBody:
                await WriteHeadAsync(stream, 200, body.Length, etag);
                await stream.WriteAsync(body.AsMemory(0, body.Length / 2), stop.Token);
                await stream.FlushAsync(stop.Token);
                await Task.Delay(50, stop.Token);

                // Linger zero turns the close into a TCP RST: the client sees "connection reset by peer".
                client.Client.LingerState = new LingerOption(true, 0);
                client.Client.Close();
                return false;
            case S3FaultKind.CloseMidBody:
                await WriteHeadAsync(stream, 200, body.Length, etag);
                await stream.WriteAsync(body.AsMemory(0, body.Length / 2), stop.Token);
                return false;
            case S3FaultKind.StallMidBody:
                await WriteHeadAsync(stream, 200, body.Length, etag);
                await stream.WriteAsync(body.AsMemory(0, body.Length / 2), stop.Token);
                await stream.FlushAsync(stop.Token);
                await Task.Delay(Timeout.Infinite, stop.Token);
                return false;
            default:
                // An honest-looking GET whose length or bytes disagree with the HEAD (S3FaultKind.Body).
                await WriteHeadAsync(stream, 200, body.Length, etag);
                await stream.WriteAsync(body, stop.Token);
                return true;
        }
    }

    private async Task WriteHeadAsync(NetworkStream stream, int status, long length, string? etag, string contentType = "application/zip")
    {
        var head = new StringBuilder().Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {(HttpStatusCode)status}\r\nContent-Length: {length}\r\nContent-Type: {contentType}\r\n");
        if (etag is not null)
        {
            head.Append("ETag: ").Append(etag).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()), stop.Token);
    }

    /// <summary>Reads one request head; the SDK sends bodiless HEAD and GET requests here.</summary>
    private static async Task<(string Method, string Path)?> ReadHeadAsync(Stream stream, CancellationToken ct)
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

        var requestLine = head.ToString().Split("\r\n")[0].Split(' ');
        return (requestLine[0], requestLine[1].Split('?')[0]);
    }
}

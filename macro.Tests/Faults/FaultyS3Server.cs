using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using MacroVersioning.Tests.Tools;

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

    private readonly S3Fault fault;
    private readonly LoopbackTcpServer server;
    private int badRequests;

    private FaultyS3Server(byte[] good, S3Fault fault)
    {
        Good = good;
        this.fault = fault;
        server = new LoopbackTcpServer(ServeAsync);
    }

    public Uri Endpoint => server.Endpoint;

    public byte[] Good { get; }

    /// <summary>Requests that reached the bad key: proof the fault was injected, not skipped.</summary>
    public int BadRequests => Volatile.Read(ref badRequests);

    public static FaultyS3Server Start(byte[] good, S3Fault fault) => new(good, fault);

    /// <summary>The quoted hex MD5 S3 gives a single-part upload as its ETag.</summary>
    public static string ETagOf(byte[] bytes) => $"\"{Convert.ToHexStringLower(MD5.HashData(bytes))}\"";

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private async Task ServeAsync(TcpClient client, CancellationToken ct)
    {
        var stream = client.GetStream();
        while (await StandInHttpRequest.TryReadAsync(stream, ct) is { } request)
        {
            var keepOpen = request.Path.Split('?')[0].EndsWith("/" + BadKey, StringComparison.Ordinal)
                ? await BadAsync(request.Method, client, stream, ct)
                : await GoodAsync(request.Method, stream, ct);
            if (!keepOpen)
            {
                return;
            }
        }
    }

    private async Task<bool> GoodAsync(string method, NetworkStream stream, CancellationToken ct)
    {
        await WriteHeadAsync(stream, 200, Good.Length, ETagOf(Good), ct);
        if (method == "GET")
        {
            await stream.WriteAsync(Good, ct);
        }

        return true;
    }

    private async Task<bool> BadAsync(string method, TcpClient client, NetworkStream stream, CancellationToken ct)
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
                await WriteHeadAsync(stream, fault.Status, xml.Length, etag: null, ct, "application/xml");
                await stream.WriteAsync(xml, ct);
                return false;
            case S3FaultKind.Silent:
                await Task.Delay(Timeout.Infinite, ct);
                return false;
            case var _ when method != "GET":
                await WriteHeadAsync(stream, 200, fault.HeadLength ?? body.Length, etag, ct);
                return true;
            case S3FaultKind.ResetMidBody:
                await WriteHeadAsync(stream, 200, body.Length, etag, ct);
                await stream.WriteAsync(body.AsMemory(0, body.Length / 2), ct);
                await stream.FlushAsync(ct);
                await Task.Delay(50, ct);
                LoopbackTcpServer.Reset(client);
                return false;
            case S3FaultKind.CloseMidBody:
                await WriteHeadAsync(stream, 200, body.Length, etag, ct);
                await stream.WriteAsync(body.AsMemory(0, body.Length / 2), ct);
                return false;
            case S3FaultKind.StallMidBody:
                await WriteHeadAsync(stream, 200, body.Length, etag, ct);
                await stream.WriteAsync(body.AsMemory(0, body.Length / 2), ct);
                await stream.FlushAsync(ct);
                await Task.Delay(Timeout.Infinite, ct);
                return false;
            default:
                // An honest-looking GET whose length or bytes disagree with the HEAD (S3FaultKind.Body).
                await WriteHeadAsync(stream, 200, body.Length, etag, ct);
                await stream.WriteAsync(body, ct);
                return true;
        }
    }

    private static async Task WriteHeadAsync(NetworkStream stream, int status, long length, string? etag, CancellationToken ct, string contentType = "application/zip")
    {
        var head = new StringBuilder().Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {(HttpStatusCode)status}\r\nContent-Length: {length}\r\nContent-Type: {contentType}\r\n");
        if (etag is not null)
        {
            head.Append("ETag: ").Append(etag).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()), ct);
    }
}

using System.Globalization;
using System.Text;

namespace MacroVersioning.Tests.Tools;

/// <summary>
/// Just enough HTTP/1.1 request parsing for the stand-in servers: request line, headers and a
/// Content-Length body (what HttpClient and the AWS SDK send them). Reads byte by byte, so on a
/// kept-alive connection nothing of the next request is consumed.
/// </summary>
internal sealed record StandInHttpRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    private static readonly byte[] EndOfHead = "\r\n\r\n"u8.ToArray();

    public static async Task<StandInHttpRequest> ReadAsync(Stream stream, CancellationToken cancellationToken) =>
        await TryReadAsync(stream, cancellationToken)
        ?? throw new IOException("the client closed the connection before sending a request");

    /// <summary>The next request, or null when the client closed a kept-alive connection between requests.</summary>
    public static async Task<StandInHttpRequest?> TryReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var one = new byte[1];
        if (await stream.ReadAsync(one, cancellationToken) == 0)
        {
            return null;
        }

        buffer.Write(one);
        int headEnd;
        while ((headEnd = buffer.GetBuffer().AsSpan(0, (int)buffer.Length).IndexOf(EndOfHead)) < 0)
        {
            await ReadMoreAsync(stream, buffer, one, cancellationToken);
        }

        var lines = Encoding.ASCII.GetString(buffer.GetBuffer(), 0, headEnd).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var headers = lines.Skip(1)
            .Select(line => line.Split(':', 2))
            .ToDictionary(parts => parts[0].Trim().ToLowerInvariant(), parts => parts[1].Trim());
        var length = headers.TryGetValue("content-length", out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : 0;
        var bodyStart = headEnd + EndOfHead.Length;
        var chunk = new byte[16 * 1024];
        while (buffer.Length < bodyStart + length)
        {
            await ReadMoreAsync(stream, buffer, chunk.AsMemory(0, (int)Math.Min(chunk.Length, bodyStart + length - buffer.Length)), cancellationToken);
        }

        var body = Encoding.UTF8.GetString(buffer.GetBuffer(), bodyStart, length);
        return new StandInHttpRequest(requestLine[0], requestLine[1], headers, body);
    }

    private static async Task ReadMoreAsync(Stream stream, MemoryStream buffer, Memory<byte> chunk, CancellationToken cancellationToken)
    {
        var read = await stream.ReadAsync(chunk, cancellationToken);
        if (read == 0)
        {
            throw new IOException("the client closed the connection before the request was complete");
        }

        buffer.Write(chunk.Span[..read]);
    }
}

using System.Globalization;
using System.Text;

namespace MacroVersioning.Tests.Lambda;

/// <summary>
/// Just enough HTTP/1.1 request parsing for the stand-in runtime API: request line, headers and
/// a Content-Length body (what HttpClient sends for these calls).
/// </summary>
internal sealed record StandInHttpRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    private static readonly byte[] EndOfHead = "\r\n\r\n"u8.ToArray();

    public static async Task<StandInHttpRequest> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int headEnd;
        while ((headEnd = buffer.GetBuffer().AsSpan(0, (int)buffer.Length).IndexOf(EndOfHead)) < 0)
        {
            await ReadMoreAsync(stream, buffer, chunk, cancellationToken);
        }

        var lines = Encoding.ASCII.GetString(buffer.GetBuffer(), 0, headEnd).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var headers = lines.Skip(1)
            .Select(line => line.Split(':', 2))
            .ToDictionary(parts => parts[0].Trim().ToLowerInvariant(), parts => parts[1].Trim());
        var length = headers.TryGetValue("content-length", out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : 0;
        var bodyStart = headEnd + EndOfHead.Length;
        while (buffer.Length < bodyStart + length)
        {
            await ReadMoreAsync(stream, buffer, chunk, cancellationToken);
        }

        var body = Encoding.UTF8.GetString(buffer.GetBuffer(), bodyStart, length);
        return new StandInHttpRequest(requestLine[0], requestLine[1], headers, body);
    }

    private static async Task ReadMoreAsync(Stream stream, MemoryStream buffer, byte[] chunk, CancellationToken cancellationToken)
    {
        var read = await stream.ReadAsync(chunk, cancellationToken);
        if (read == 0)
        {
            throw new IOException("the client closed the connection before the request was complete");
        }

        buffer.Write(chunk, 0, read);
    }
}

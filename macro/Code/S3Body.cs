using System.Buffers;
using System.Security.Cryptography;

namespace MacroVersioning.Code;

/// <summary>
/// Reads response bodies with an idle time-out per read and an exact length check, turning a
/// stalled or cut-off body into a clear <see cref="ObjectReadException"/>.
/// </summary>
internal static class S3Body
{
    private const int ChunkSize = 128 * 1024;

    /// <summary>Streams a whole body through <paramref name="hash"/> without holding it in memory.</summary>
    public static async Task HashAsync(Stream body, IncrementalHash hash, long expectedLength, TimeSpan idleTimeout, CancellationToken cancellationToken)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            long total = 0;
            int read;
            while ((read = await ReadAsync(body, chunk, idle, idleTimeout, total, expectedLength, cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > expectedLength)
                {
                    throw new ObjectReadException($"the body ran past the object's length of {expectedLength} bytes; the object may have been overwritten during the read, deploy again");
                }

                hash.AppendData(chunk, 0, read);
            }

            if (total < expectedLength)
            {
                throw Truncated(total, expectedLength);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>Fills <paramref name="target"/> exactly from a ranged body.</summary>
    public static async Task FillAsync(Stream body, Memory<byte> target, TimeSpan idleTimeout, CancellationToken cancellationToken)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var total = 0;
        while (total < target.Length)
        {
            var read = await ReadAsync(body, target[total..], idle, idleTimeout, total, target.Length, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw Truncated(total, target.Length);
            }

            total += read;
        }
    }

    private static async Task<int> ReadAsync(
        Stream body, Memory<byte> into, CancellationTokenSource idle, TimeSpan idleTimeout, long soFar, long expected, CancellationToken cancellationToken)
    {
        idle.CancelAfter(idleTimeout);
        try
        {
            return await body.ReadAsync(into, idle.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ObjectReadException(
                $"the body stalled: no bytes for {idleTimeout.TotalSeconds:0.#} s after {soFar} of {expected} bytes (read time-out); deploy again, and check the network path to S3 if it persists");
        }
        catch (IOException)
        {
            throw Truncated(soFar, expected);
        }
    }

    private static ObjectReadException Truncated(long got, long expected) =>
        new($"the body ended after {got} of {expected} bytes (truncated response); deploy again, and check the network path to S3 if it persists");
}

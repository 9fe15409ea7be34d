using System.Security.Cryptography;

namespace MacroVersioning.Code;

/// <summary>
/// SHA-256 of a large object fetched as parallel ranges: later ranges download while earlier ones
/// are hashed, strictly in order, and memory stays within the shared buffer pool's budget.
/// </summary>
internal static class OrderedRangeHasher
{
    /// <summary>Fills <c>buffer[0..count)</c> with the object's bytes at <c>offset</c>, or throws.</summary>
    public delegate Task FetchRange(long offset, int count, byte[] buffer, CancellationToken cancellationToken);

    public static async Task<byte[]> HashAsync(long length, RangeBufferPool buffers, int maxInFlight, FetchRange fetch, CancellationToken cancellationToken)
    {
        var rangeSize = buffers.BufferSize;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var inFlight = new Queue<(Task Fetch, byte[] Buffer, int Count)>();
        long nextOffset = 0;
        try
        {
            while (nextOffset < length || inFlight.Count > 0)
            {
                while (nextOffset < length && inFlight.Count < maxInFlight)
                {
                    // Wait for a buffer only while holding none: readers sharing the pool then always
                    // hold the range they hash next, so none can starve another into a deadlock.
                    var buffer = inFlight.Count == 0 ? await buffers.RentAsync(stop.Token).ConfigureAwait(false) : buffers.TryRent();
                    if (buffer is null)
                    {
                        break;
                    }

                    var count = (int)Math.Min(rangeSize, length - nextOffset);
                    inFlight.Enqueue((fetch(nextOffset, count, buffer, stop.Token), buffer, count));
                    nextOffset += count;
                }

                var next = inFlight.Peek();
                await next.Fetch.ConfigureAwait(false);
                inFlight.Dequeue();
                hash.AppendData(next.Buffer, 0, next.Count);
                buffers.Return(next.Buffer);
            }

            return hash.GetHashAndReset();
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            while (inFlight.TryDequeue(out var pending))
            {
                await ReleaseAsync(pending.Fetch, pending.Buffer, buffers).ConfigureAwait(false);
            }
        }
    }

    /// <summary>After a failure, lets an abandoned range finish before its buffer goes back to the pool.</summary>
    private static async Task ReleaseAsync(Task fetch, byte[] buffer, RangeBufferPool buffers)
    {
        await fetch.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        buffers.Return(buffer);
    }
}

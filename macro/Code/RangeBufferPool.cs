using System.Collections.Concurrent;

namespace MacroVersioning.Code;

/// <summary>
/// A fixed budget of range buffers shared by every object one request reads in parallel, so memory
/// stays at budget × range size however many large objects there are. Buffers are allocated on
/// first use and reused, keeping the large-object heap quiet.
/// </summary>
internal sealed class RangeBufferPool(int budget, int bufferSize)
{
    private readonly SemaphoreSlim available = new(budget, budget);
    private readonly ConcurrentBag<byte[]> free = [];

    public int BufferSize => bufferSize;

    /// <summary>Waits for a buffer. Only a reader holding no buffer may wait, or readers could deadlock.</summary>
    public async Task<byte[]> RentAsync(CancellationToken cancellationToken)
    {
        await available.WaitAsync(cancellationToken).ConfigureAwait(false);
        return Take();
    }

    /// <summary>A buffer if one is free right now, else null: for readers that already hold one.</summary>
    public byte[]? TryRent() => available.Wait(0) ? Take() : null;

    public void Return(byte[] buffer)
    {
        free.Add(buffer);
        available.Release();
    }

    private byte[] Take() => free.TryTake(out var buffer) ? buffer : GC.AllocateUninitializedArray<byte>(bufferSize);
}

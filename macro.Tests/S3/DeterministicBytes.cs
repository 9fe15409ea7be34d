namespace MacroVersioning.Tests.S3;

/// <summary>
/// A reproducible, incompressible byte stream of a given length (xorshift64*), so large test
/// objects need no fixture files and never sit whole in memory.
/// </summary>
internal sealed class DeterministicBytes(long length, ulong seed) : Stream
{
    private ulong state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed;
    private long position;
    private ulong pending;
    private int pendingBytes;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => position;
        set => throw new NotSupportedException();
    }

    public static byte[] Array(int length, ulong seed)
    {
        var bytes = new byte[length];
        using var stream = new DeterministicBytes(length, seed);
        stream.ReadExactly(bytes);
        return bytes;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, length - position);
        for (var i = 0; i < count; i++)
        {
            if (pendingBytes == 0)
            {
                state ^= state >> 12;
                state ^= state << 25;
                state ^= state >> 27;
                pending = state * 0x2545F4914F6CDD1DUL;
                pendingBytes = 8;
            }

            buffer[i] = (byte)pending;
            pending >>= 8;
            pendingBytes--;
        }

        position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

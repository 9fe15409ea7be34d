using System.Security.Cryptography;
using MacroVersioning.Code;

namespace MacroVersioning.Tests.S3;

public sealed class OrderedRangeHasherTests
{
    private static readonly byte[] Data = DeterministicBytes.Array(10_000, 21);
    private static readonly byte[] Expected = SHA256.HashData(Data);

    public static TheoryData<string, int, int, int> Shapes => new()
    {
        { "ranges divide the object", 1000, 4, 4 },
        { "last range is short", 1024, 4, 4 },
        { "one buffer for four ranges in flight", 1024, 1, 4 },
        { "one range in flight", 512, 3, 1 },
        { "one range covers the object", 16_384, 2, 4 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Ranges_finishing_in_any_order_hash_as_the_whole_object(string name, int rangeSize, int budget, int inFlight)
    {
        var pool = new RangeBufferPool(budget, rangeSize);

        var digest = await OrderedRangeHasher.HashAsync(Data.Length, pool, inFlight, ReverseOrderFetch(Data, new Tracker()), CancellationToken.None);

        digest.Should().Equal(Expected, because: name);
    }

    [Fact]
    public async Task Readers_sharing_a_small_pool_all_finish_within_its_budget()
    {
        var pool = new RangeBufferPool(3, 700);
        var tracker = new Tracker();

        var digests = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            OrderedRangeHasher.HashAsync(Data.Length, pool, 4, ReverseOrderFetch(Data, tracker), CancellationToken.None)));

        digests.Should().AllSatisfy(d => d.Should().Equal(Expected));
        tracker.Peak.Should().BeInRange(1, 3);
    }

    [Fact]
    public async Task Failed_range_fails_the_hash_and_returns_every_buffer()
    {
        var pool = new RangeBufferPool(4, 1000);
        var fetch = ReverseOrderFetch(Data, new Tracker());

        var act = () => OrderedRangeHasher.HashAsync(
            Data.Length,
            pool,
            4,
            (offset, count, buffer, ct) => offset == 3000 ? Task.FromException(new ObjectReadException("range 3 broke")) : fetch(offset, count, buffer, ct),
            CancellationToken.None);

        await act.Should().ThrowAsync<ObjectReadException>().WithMessage("range 3 broke");
        Enumerable.Range(0, 4).Select(_ => pool.TryRent()).Should().NotContainNulls();
    }

    /// <summary>A fetch whose later ranges complete first, recording how many run at once.</summary>
    private static OrderedRangeHasher.FetchRange ReverseOrderFetch(byte[] data, Tracker tracker) => async (offset, count, buffer, ct) =>
    {
        tracker.Enter();
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(1, 30 - (offset / 400))), ct);
            data.AsSpan((int)offset, count).CopyTo(buffer);
        }
        finally
        {
            tracker.Exit();
        }
    };

    private sealed class Tracker
    {
        private int current;
        private int peak;

        public int Peak => Volatile.Read(ref peak);

        public void Enter()
        {
            var now = Interlocked.Increment(ref current);
            int seen;
            while (now > (seen = Volatile.Read(ref peak)) && Interlocked.CompareExchange(ref peak, now, seen) != seen)
            {
            }
        }

        public void Exit() => Interlocked.Decrement(ref current);
    }
}

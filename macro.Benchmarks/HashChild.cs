using System.Diagnostics;
using System.Text.Json;
using MacroVersioning.Code;

namespace MacroVersioning.Benchmarks;

/// <summary>
/// One hash of the large object in a fresh process, through the same factory the Lambda and the
/// CLI use, so the process's peak working set is the macro's footprint while hashing it.
/// </summary>
internal static class HashChild
{
    public const string Command = "s3-hash";

    /// <param name="args">endpoint, bucket, key, warm-up key.</param>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout)
    {
        var endpoint = new Uri(args[0]);
        var (bucket, key, warmUpKey) = (args[1], args[2], args[3]);

        // A first, smaller ranged read loads and compiles the SDK and the read path, so the timed
        // read measures the steady state a warm Lambda sees; its buffers are collected before.
        await CodeSourceFactory.Create("us-east-1", endpoint).DigestAsync([new S3CodeObject(bucket, warmUpKey, null)], CancellationToken.None);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();

        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var before = self.WorkingSet64;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var digests = await CodeSourceFactory.Create("us-east-1", endpoint).DigestAsync([new S3CodeObject(bucket, key, null)], CancellationToken.None);
        var seconds = clock.Elapsed.TotalSeconds;
        self.Refresh();

        var result = new HashResult(
            digests[0].CodeSha256 ?? throw new InvalidOperationException(digests[0].Error),
            seconds,
            before,
            self.PeakWorkingSet64,
            GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
        await stdout.WriteLineAsync(JsonSerializer.Serialize(result));
        return 0;
    }

    public sealed record HashResult(string Sha256, double Seconds, long WorkingSetBefore, long PeakWorkingSet, long AllocatedBytes);
}

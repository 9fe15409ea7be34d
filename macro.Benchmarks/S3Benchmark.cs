using System.Security.Cryptography;
using MacroVersioning.Tests.S3;

namespace MacroVersioning.Benchmarks;

/// <summary>
/// The S3 read benchmark of issue 3, in one run on one machine: hashing throughput of a large object
/// from s3rver on loopback against the floor (<c>curl | sha256sum</c>), peak memory while hashing,
/// and the requests for 100 functions sharing 3 artifacts.
/// </summary>
internal static class S3Benchmark
{
    private const string Bucket = "bench";
    private const string LargeKey = "large.zip";
    private const string WarmUpKey = "warm-up.zip";
    private const int MiB = 1024 * 1024;

    public static async Task<int> RunAsync(BenchmarkArgs args, TextWriter output)
    {
        // The in-process transform signs like the Lambda does; s3rver knows only its own key pair.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "S3RVER");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "S3RVER");
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);

        await using var server = await S3rverServer.StartAsync([Bucket], CancellationToken.None);
        var size = (long)args.SizeMiB * MiB;
        await output.WriteLineAsync($"s3rver {S3rverInstall.Version} at {server.Endpoint}; {Environment.ProcessorCount} cores; {args.Runs} runs");
        await server.PutAsync(Bucket, LargeKey, new DeterministicBytes(size, 256), CancellationToken.None);
        await server.PutAsync(Bucket, WarmUpKey, new DeterministicBytes(17 * MiB, 17), CancellationToken.None);
        var expected = await SHA256.HashDataAsync(new DeterministicBytes(size, 256));

        var floor = new List<double>();
        var ours = new List<HashChild.HashResult>();
        for (var run = 0; run < args.Runs; run++)
        {
            // Alternate which side goes first so caches and noise favour neither.
            if (run % 2 == 0)
            {
                floor.Add(await FloorAsync(server, expected));
                ours.Add(await OursAsync(server, expected));
            }
            else
            {
                ours.Add(await OursAsync(server, expected));
                floor.Add(await FloorAsync(server, expected));
            }
        }

        var sizeMiB = (double)size / MiB;
        await output.WriteLineAsync($"Hashing a {args.SizeMiB} MiB object (SHA-256 {Convert.ToBase64String(expected)}):");
        await output.WriteLineAsync($"  floor, curl | sha256sum : {Stats.Of(floor.Select(s => sizeMiB / s)).Format("MiB/s", "0")}");
        await output.WriteLineAsync($"  S3ContentSource         : {Stats.Of(ours.Select(r => sizeMiB / r.Seconds)).Format("MiB/s", "0")}");
        await output.WriteLineAsync($"  time ours / floor       : {Stats.Of(ours.Zip(floor, (o, f) => o.Seconds / f)).Format("x")} (target <= 1.25)");
        await output.WriteLineAsync($"  peak working set        : {Stats.Of(ours.Select(r => (double)r.PeakWorkingSet / MiB)).Format("MiB", "0")} (whole process; target < 150)");
        await output.WriteLineAsync($"  working set before read : {Stats.Of(ours.Select(r => (double)r.WorkingSetBefore / MiB)).Format("MiB", "0")}");
        await output.WriteLineAsync($"  managed allocations     : {Stats.Of(ours.Select(r => (double)r.AllocatedBytes / MiB)).Format("MiB", "0")} during the read");
        await ProcessHashRun.RunAsync(server, Bucket, LargeKey, size, expected, args.Runs, output);
        await output.WriteLineAsync("Template of 100 functions sharing 3 artifacts (3, 7 and 11 MiB), real transform:");
        await SharedArtifactsRun.RunAsync(server, output);
        return 0;
    }

    private static async Task<double> FloorAsync(S3rverServer server, byte[] expected)
    {
        var (hex, seconds) = await FloorRun.RunAsync(new Uri(server.Endpoint, $"{Bucket}/{LargeKey}"));
        Check(Convert.FromHexString(hex), expected, "curl | sha256sum");
        return seconds;
    }

    private static async Task<HashChild.HashResult> OursAsync(S3rverServer server, byte[] expected)
    {
        var result = await ChildRun.RunAsync(server.Endpoint, Bucket, LargeKey, WarmUpKey);
        Check(Convert.FromBase64String(result.Sha256), expected, "S3ContentSource");
        return result;
    }

    private static void Check(byte[] actual, byte[] expected, string who)
    {
        if (!actual.AsSpan().SequenceEqual(expected))
        {
            throw new InvalidOperationException($"{who} computed a different SHA-256 than the uploaded bytes have");
        }
    }
}

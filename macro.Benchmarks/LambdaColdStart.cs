using System.Diagnostics;
using MacroVersioning.Tests.Lambda;

namespace MacroVersioning.Benchmarks;

/// <summary>
/// What Lambda's init plus first invoke costs the macro: from process start, with
/// <c>AWS_LAMBDA_RUNTIME_API</c> pointing at the tests' stand-in runtime API on 127.0.0.1 and the
/// classic event already queued, until the response has been posted back. The process is then
/// stopped (Lambda would keep it for warm invocations; its CPU time is the start-up's, as it then only
/// waits). Builds alternate; each run is a new process. The first build is the floor (a Lambda hello
/// world), the last the reference; every build is divided by both.
/// </summary>
internal static class LambdaColdStart
{
    public static async Task RunAsync(BenchmarkArgs args, TextWriter output, string eventFile, IReadOnlyList<Build> builds)
    {
        var body = await File.ReadAllTextAsync(eventFile);
        var times = builds.Select(_ => new List<double>()).ToArray();
        var peaks = builds.Select(_ => new List<double>()).ToArray();
        var cpu = builds.Select(_ => new List<double>()).ToArray();
        foreach (var build in builds)
        {
            await MeasureAsync(build, body);
        }

        for (var run = 0; run < args.Runs; run++)
        {
            for (var k = 0; k < builds.Count; k++)
            {
                var i = (k + run) % builds.Count;
                var cpuBefore = ChildCpu.TotalMs();
                var (ms, peak) = await MeasureAsync(builds[i], body);
                cpu[i].Add(ChildCpu.TotalMs() - cpuBefore);
                times[i].Add(ms);
                peaks[i].Add(peak);
            }
        }

        var floor = Stats.Of(times[0]).Median;
        var reference = Stats.Of(times[^1]).Median;
        var cpuFloor = Stats.Of(cpu[0]).Median;
        var cpuReference = Stats.Of(cpu[^1]).Median;
        await output.WriteLineAsync($"Lambda-shaped cold start: process start to the first response posted to a stand-in runtime API ({args.Runs} runs each, alternating):");
        await output.WriteLineAsync();
        await output.WriteLineAsync($"| build | wall median ms | min-max ms | / floor | / {builds[^1].Name} | CPU median ms | CPU / floor | CPU / {builds[^1].Name} | peak RSS MiB (median) |");
        await output.WriteLineAsync("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (var i = 0; i < builds.Count; i++)
        {
            var s = Stats.Of(times[i]);
            var c = Stats.Of(cpu[i]).Median;
            await output.WriteLineAsync($"| {builds[i].Name} | {s.Median:0.0} | {s.Min:0.0}-{s.Max:0.0} | {s.Median / floor:0.00} | {s.Median / reference:0.00} | {c:0.0} | {c / cpuFloor:0.00} | {c / cpuReference:0.00} | {Stats.Of(peaks[i]).Median:0.0} |");
        }
    }

    private static async Task<(double Ms, double PeakMiB)> MeasureAsync(Build build, string body)
    {
        var file = build.File;
        await using var api = RuntimeApiStandIn.Start();
        api.Enqueue("bench-cold-1", body);
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = api.Address;
        start.Environment["AWS_REGION"] = "us-east-1";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} could not be started");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            var posted = (await api.WaitForPostsAsync(1))[0];
            var ms = clock.Elapsed.TotalMilliseconds;
            var answered = build.Echo ? posted.Body == body : posted.Body.Contains("\"success\"", StringComparison.Ordinal);
            if (posted.Kind != PostKind.Response || !answered)
            {
                throw new InvalidOperationException($"{file} posted {posted.Kind}: {posted.Body}");
            }

            return (ms, PeakMemory.OfLiving(process));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            _ = await stdout + await stderr;
        }
    }

    /// <param name="Echo">The build posts the event back as it came (a hello world) rather than a macro response.</param>
    internal sealed record Build(string Name, string File, bool Echo);
}

namespace MacroVersioning.Benchmarks;

/// <summary>
/// The whole process: <c>VersioningMacro invoke EVENT.json</c> on examples/classic's macro request, from
/// process start to exit with the response read from stdout, against a hello-world console app
/// published the same way (framework-dependent linux-x64, ReadyToRun, Release). Runtime knobs are
/// tried through their environment variables on the same publish.
/// </summary>
internal static class StartupBenchmark
{
    public static int Run(BenchmarkArgs args, TextWriter output)
    {
        output.WriteLine(MachineInfo.Describe());
        output.WriteLine("Publishing (Release, linux-x64, framework-dependent) ...");
        var hello = Artifacts.Publish("macro.Benchmarks/HelloWorld/HelloWorld.csproj", "hello-r2r", readyToRun: true);
        var jsonHash = Artifacts.Publish("macro.Benchmarks/JsonHashApp/JsonHashApp.csproj", "json-hash-r2r", readyToRun: true);
        var macro = Artifacts.Publish("macro/VersioningMacro.csproj", "macro-r2r", readyToRun: true);
        var jitOnly = Artifacts.Publish("macro/VersioningMacro.csproj", "macro-jit", readyToRun: false);
        var classic = Artifacts.ClassicEvent();
        string[] invoke = ["invoke", classic];
        var variants = new Variant[]
        {
            new("hello world, ReadyToRun (the floor)", hello, [], []),
            new("JSON tree + SHA-256 app, ReadyToRun (reference)", jsonHash, [classic], []),
            new("invoke, ReadyToRun (as shipped)", macro, invoke, []),
            new("invoke, ReadyToRun, TieredPGO off", macro, invoke, new() { ["DOTNET_TieredPGO"] = "0" }),
            new("invoke, ReadyToRun, TieredCompilation off", macro, invoke, new() { ["DOTNET_TieredCompilation"] = "0" }),
            new("invoke, ReadyToRun, TC_QuickJitForLoops off", macro, invoke, new() { ["DOTNET_TC_QuickJitForLoops"] = "0" }),
            new("invoke, ReadyToRun, concurrent GC off", macro, invoke, new() { ["DOTNET_gcConcurrent"] = "0" }),
            new("invoke, JIT only (no ReadyToRun)", jitOnly, invoke, []),
        };

        output.WriteLine($"Start-up, process start to response on stdout ({args.Runs} runs each, variants interleaved; event {Path.GetRelativePath(Environment.CurrentDirectory, classic)}):");
        var times = variants.Select(_ => new List<double>()).ToArray();
        foreach (var (variant, i) in variants.Select((v, i) => (v, i)))
        {
            // One unmeasured run each: the files are then in the page cache for every measured run.
            Measure(variant);
        }

        for (var run = 0; run < args.Runs; run++)
        {
            for (var k = 0; k < variants.Length; k++)
            {
                var i = (k + run) % variants.Length;
                times[i].Add(Measure(variants[i]));
            }
        }

        var floor = Stats.Of(times[0]);
        output.WriteLine();
        output.WriteLine("| variant | median ms | min-max ms | / hello world |");
        output.WriteLine("|---|---:|---:|---:|");
        for (var i = 0; i < variants.Length; i++)
        {
            var s = Stats.Of(times[i]);
            output.WriteLine($"| {variants[i].Name} | {s.Median:0.0} | {s.Min:0.0}-{s.Max:0.0} | {s.Median / floor.Median:0.00} |");
        }

        output.WriteLine("Target: invoke as shipped <= 1.5x hello world.");
        return 0;
    }

    private static double Measure(Variant variant)
    {
        var (ms, exitCode, stdout) = ProcessTimer.Run(variant.File, variant.Args, variant.Environment);
        var expected = variant.Args.Length == 0 ? "Hello" : "\"success\"";
        if (exitCode != 0 || !stdout.Contains(expected, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{variant.Name} exited {exitCode} without {expected} on stdout:\n{stdout}");
        }

        return ms;
    }

    private sealed record Variant(string Name, string File, string[] Args, Dictionary<string, string?> Environment);
}

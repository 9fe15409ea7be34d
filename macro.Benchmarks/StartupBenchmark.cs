namespace MacroVersioning.Benchmarks;

/// <summary>
/// The whole process: <c>VersioningMacro invoke EVENT.json</c> on examples/classic's macro request, from
/// process start to exit with the response read from stdout, for both builds the macro ships (the
/// Native AOT executable provided.al2023 runs, and the framework-dependent ReadyToRun assembly the
/// managed dotnet10 runtime runs), each against a hello-world console app published the same way.
/// Runtime knobs are tried through their environment variables on the ReadyToRun publish. Then peak
/// memory (separate runs under GNU time) and the Lambda-shaped cold start (<see cref="LambdaColdStart"/>)
/// against a Native AOT Lambda hello world (macro.Benchmarks/HelloLambda).
/// </summary>
internal static class StartupBenchmark
{
    private const string HelloLambdaProject = "macro.Benchmarks/HelloLambda/HelloLambda.csproj";

    public static async Task<int> RunAsync(BenchmarkArgs args, TextWriter output)
    {
        output.WriteLine(MachineInfo.Describe());
        output.WriteLine("Publishing (Release, linux-x64: Native AOT, and framework-dependent ReadyToRun) ...");
        var helloAot = Artifacts.PublishAot("macro.Benchmarks/HelloWorld/HelloWorld.csproj", "hello-aot");
        var helloLambda = Artifacts.PublishAot(HelloLambdaProject, "hello-lambda-aot");
        var macroAot = Artifacts.PublishAot("macro/VersioningMacro.csproj", "macro-aot");
        var hello = Artifacts.Publish("macro.Benchmarks/HelloWorld/HelloWorld.csproj", "hello-r2r", readyToRun: true);
        var jsonHash = Artifacts.Publish("macro.Benchmarks/JsonHashApp/JsonHashApp.csproj", "json-hash-r2r", readyToRun: true);
        var macro = Artifacts.Publish("macro/VersioningMacro.csproj", "macro-r2r", readyToRun: true);
        var jitOnly = Artifacts.Publish("macro/VersioningMacro.csproj", "macro-jit", readyToRun: false);
        var classic = Artifacts.ClassicEvent();
        string[] invoke = ["invoke", classic];
        var variants = new Variant[]
        {
            new("hello world, ReadyToRun (the floor)", hello, [], []),
            new("hello world, Native AOT (the AOT floor)", helloAot, [], []),
            new("invoke, Native AOT (as shipped, provided.al2023)", macroAot, invoke, []),
            new("invoke, ReadyToRun (as shipped, dotnet10)", macro, invoke, []),
            new("JSON tree + SHA-256 app, ReadyToRun (reference)", jsonHash, [classic], []),
            new("invoke, ReadyToRun, TieredPGO off", macro, invoke, new() { ["DOTNET_TieredPGO"] = "0" }),
            new("invoke, ReadyToRun, TieredCompilation off", macro, invoke, new() { ["DOTNET_TieredCompilation"] = "0" }),
            new("invoke, ReadyToRun, TC_QuickJitForLoops off", macro, invoke, new() { ["DOTNET_TC_QuickJitForLoops"] = "0" }),
            new("invoke, ReadyToRun, concurrent GC off", macro, invoke, new() { ["DOTNET_gcConcurrent"] = "0" }),
            new("invoke, JIT only (no ReadyToRun)", jitOnly, invoke, []),
        };
        const int R2rHello = 0, AotHello = 1, AotInvoke = 2, R2rInvoke = 3;

        output.WriteLine($"Start-up, process start to response on stdout ({args.Runs} runs each, variants interleaved; event {Path.GetRelativePath(Environment.CurrentDirectory, classic)}):");
        var times = variants.Select(_ => new List<double>()).ToArray();
        var cpu = variants.Select(_ => new List<double>()).ToArray();
        foreach (var variant in variants)
        {
            // One unmeasured run each: the files are then in the page cache for every measured run.
            Measure(variant);
        }

        for (var run = 0; run < args.Runs; run++)
        {
            for (var k = 0; k < variants.Length; k++)
            {
                var i = (k + run) % variants.Length;
                var cpuBefore = ChildCpu.TotalMs();
                times[i].Add(Measure(variants[i]));
                cpu[i].Add(ChildCpu.TotalMs() - cpuBefore);
            }
        }

        // Peak memory needs a wrapper that would add to the time, so it has runs of its own.
        var peaks = variants.Select(v => PeakMemory.Available
            ? Stats.Of(Enumerable.Range(0, 5).Select(_ => PeakMemory.OfRun(v.File, v.Args, v.Environment))).Median.ToString("0.0")
            : "n/a (no /usr/bin/time)").ToArray();

        var floor = Stats.Of(times[R2rHello]);
        var aotFloor = Stats.Of(times[AotHello]);
        output.WriteLine();
        var cpuFloor = Stats.Of(cpu[R2rHello]).Median;
        var cpuAotFloor = Stats.Of(cpu[AotHello]).Median;
        output.WriteLine("| variant | wall median ms | min-max ms | / hello R2R | / hello AOT | CPU median ms | CPU / hello R2R | CPU / hello AOT | peak RSS MiB |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (var i = 0; i < variants.Length; i++)
        {
            var s = Stats.Of(times[i]);
            var c = Stats.Of(cpu[i]).Median;
            output.WriteLine($"| {variants[i].Name} | {s.Median:0.0} | {s.Min:0.0}-{s.Max:0.0} | {s.Median / floor.Median:0.00} | {s.Median / aotFloor.Median:0.00} | {c:0.0} | {c / cpuFloor:0.00} | {c / cpuAotFloor:0.00} | {peaks[i]} |");
        }

        var aot = Stats.Of(times[AotInvoke]).Median;
        var r2r = Stats.Of(times[R2rInvoke]).Median;
        var aotCpu = Stats.Of(cpu[AotInvoke]).Median;
        var r2rCpu = Stats.Of(cpu[R2rInvoke]).Median;
        output.WriteLine($"Targets (wall): AOT invoke / AOT hello world {aot / aotFloor.Median:0.00} (<= 1.5); AOT invoke / ReadyToRun invoke {aot / r2r:0.00} (<= 0.3); ReadyToRun invoke / ReadyToRun hello world {r2r / floor.Median:0.00} (<= 1.5).");
        output.WriteLine($"Same ratios in CPU time: {aotCpu / cpuAotFloor:0.00}; {aotCpu / r2rCpu:0.00}; {r2rCpu / cpuFloor:0.00}.");
        output.WriteLine();
        await LambdaColdStart.RunAsync(args, output, classic, LambdaBuilds(helloLambda, macroAot, macro));
        return 0;
    }

    /// <summary>Only the Lambda-shaped cold start (<c>startup-lambda</c>): its three publishes and runs.</summary>
    public static async Task<int> RunLambdaAsync(BenchmarkArgs args, TextWriter output)
    {
        output.WriteLine(MachineInfo.Describe());
        output.WriteLine("Publishing (Release, linux-x64: Native AOT, and framework-dependent ReadyToRun) ...");
        var helloLambda = Artifacts.PublishAot(HelloLambdaProject, "hello-lambda-aot");
        var macroAot = Artifacts.PublishAot("macro/VersioningMacro.csproj", "macro-aot");
        var macro = Artifacts.Publish("macro/VersioningMacro.csproj", "macro-r2r", readyToRun: true);
        await LambdaColdStart.RunAsync(args, output, Artifacts.ClassicEvent(), LambdaBuilds(helloLambda, macroAot, macro));
        return 0;
    }

    // The floor first (LambdaColdStart divides by it); the hello function echoes the event, the macro answers "success".
    private static LambdaColdStart.Build[] LambdaBuilds(string helloLambda, string macroAot, string macroR2r) =>
    [
        new("Lambda hello world, Native AOT (the floor)", helloLambda, Echo: true),
        new("Native AOT", macroAot, Echo: false),
        new("ReadyToRun", macroR2r, Echo: false),
    ];

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

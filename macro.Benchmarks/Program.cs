using MacroVersioning.Benchmarks;

// dotnet run -c Release --project macro.Benchmarks -- COMMAND [--runs N]; see docs/performance.md.
return args switch
{
    ["s3", .. var rest] => await S3Benchmark.RunAsync(BenchmarkArgs.Parse(rest), Console.Out),
    ["transform", .. var rest] => await TransformBenchmark.RunAsync(BenchmarkArgs.Parse(rest, runs: 7), Console.Out),
    ["transform-loop", var size, var seconds] => TransformBenchmark.Loop(int.Parse(size), double.Parse(seconds)),
    ["startup", .. var rest] => StartupBenchmark.Run(BenchmarkArgs.Parse(rest, runs: 20), Console.Out),
    ["sam", .. var rest] => SamBenchmark.Run(BenchmarkArgs.Parse(rest, runs: 5), Console.Out),
    [HashChild.Command, .. var rest] => await HashChild.RunAsync(rest, Console.Out),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project macro.Benchmarks -- s3|transform|startup|sam|all [--runs N] [--size-mib N]");
    return 2;
}

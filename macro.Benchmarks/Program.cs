using MacroVersioning.Benchmarks;

// dotnet run -c Release --project macro.Benchmarks -- COMMAND [--runs N]; see docs/performance.md.
return args switch
{
    ["s3", .. var rest] => await S3Benchmark.RunAsync(BenchmarkArgs.Parse(rest), Console.Out),
    ["transform", .. var rest] => await TransformBenchmark.RunAsync(BenchmarkArgs.Parse(rest, runs: 7), Console.Out),
    ["transform-loop", var size, var seconds] => TransformBenchmark.Loop(int.Parse(size), double.Parse(seconds)),
    ["startup", .. var rest] => await StartupBenchmark.RunAsync(BenchmarkArgs.Parse(rest, runs: 20), Console.Out),
    ["startup-lambda", .. var rest] => await StartupBenchmark.RunLambdaAsync(BenchmarkArgs.Parse(rest, runs: 20), Console.Out),
    ["sam", .. var rest] => SamBenchmark.Run(BenchmarkArgs.Parse(rest, runs: 5), Console.Out),
    ["all", .. var rest] => await AllAsync(rest),
    [HashChild.Command, .. var rest] => await HashChild.RunAsync(rest, Console.Out),
    _ => Usage(),
};

// Every benchmark of issue 6 in one go, each with its own default number of runs unless --runs is given.
static async Task<int> AllAsync(string[] rest)
{
    var runs = rest.Length > 0 ? BenchmarkArgs.Parse(rest).Runs : (int?)null;
    var failed = await TransformBenchmark.RunAsync(BenchmarkArgs.Parse(rest, runs ?? 7), Console.Out);
    Console.WriteLine();
    failed |= await StartupBenchmark.RunAsync(BenchmarkArgs.Parse(rest, runs ?? 20), Console.Out);
    Console.WriteLine();
    failed |= SamBenchmark.Run(BenchmarkArgs.Parse(rest, runs ?? 5), Console.Out);
    return failed;
}

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project macro.Benchmarks -- s3|transform|startup|startup-lambda|sam|all [--runs N] [--size-mib N]");
    return 2;
}

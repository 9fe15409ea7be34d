using MacroVersioning.Benchmarks;

// dotnet run -c Release --project macro.Benchmarks -- s3 [--runs N] [--size-mib N]
return args switch
{
    ["s3", .. var rest] => await S3Benchmark.RunAsync(BenchmarkArgs.Parse(rest), Console.Out),
    [HashChild.Command, .. var rest] => await HashChild.RunAsync(rest, Console.Out),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project macro.Benchmarks -- s3 [--runs N] [--size-mib N]");
    return 2;
}

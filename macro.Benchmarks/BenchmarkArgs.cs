namespace MacroVersioning.Benchmarks;

/// <param name="Runs">Timed runs of each side (ours and the floor); medians and spread are reported.</param>
/// <param name="SizeMiB">Size of the large object hashed.</param>
internal sealed record BenchmarkArgs(int Runs, int SizeMiB)
{
    /// <param name="runs">The command's default number of runs.</param>
    public static BenchmarkArgs Parse(IReadOnlyList<string> args, int runs = 5)
    {
        var parsed = new BenchmarkArgs(runs, 256);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            parsed = args[i] switch
            {
                "--runs" => parsed with { Runs = int.Parse(args[i + 1]) },
                "--size-mib" => parsed with { SizeMiB = int.Parse(args[i + 1]) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return parsed;
    }
}

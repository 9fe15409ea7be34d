namespace MacroVersioning.Benchmarks;

/// <summary>Median and spread of a few runs: enough to see noise on a shared machine.</summary>
internal sealed record Stats(double Median, double Min, double Max)
{
    public static Stats Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return new Stats(median, sorted[0], sorted[^1]);
    }

    public string Format(string unit, string format = "0.00") =>
        $"median {Median.ToString(format)} {unit} (min {Min.ToString(format)}, max {Max.ToString(format)})";
}

using MacroVersioning.Tests.Golden;

namespace MacroVersioning.Tests.Diff;

/// <summary>
/// One golden case of <c>diff</c>: a folder of <c>DiffCases/</c> with <c>old.yaml</c> or <c>old.json</c>,
/// <c>new.yaml</c>, the code folders they name, an optional <c>args.txt</c> (one argument a line;
/// <c>{dir}</c> is the case folder), an optional <c>secrets.txt</c> (values that must appear nowhere in
/// the output), and the expected <c>expected.txt</c> (exit code, stdout, stderr) and <c>expected.json</c>
/// (stdout of <c>--format json</c>).
/// </summary>
public sealed record DiffCase(string Name, string Directory)
{
    public static string Root => Path.Combine(RepoPaths.Root, "macro.Tests", "DiffCases");

    public string ExpectedText => Path.Combine(Directory, "expected.txt");

    public string ExpectedJson => Path.Combine(Directory, "expected.json");

    public static IEnumerable<DiffCase> All() =>
        System.IO.Directory.EnumerateDirectories(Root).Order(StringComparer.Ordinal).Select(d => new DiffCase(Path.GetFileName(d), d));

    public string Old => new[] { "old.yaml", "old.json" }.Select(f => Path.Combine(Directory, f)).First(File.Exists);

    public string New => Path.Combine(Directory, "new.yaml");

    public IReadOnlyList<string> Secrets => Lines("secrets.txt");

    public string[] Arguments(params string[] extra) =>
        ["diff", Old, New, .. Lines("args.txt").Select(a => a.Replace("{dir}", Directory, StringComparison.Ordinal)), .. extra];

    /// <summary>Output with the machine's path of the case folder written as <c>{dir}</c>.</summary>
    public string Portable(string text) => text.Replace(Directory, "{dir}", StringComparison.Ordinal);

    private List<string> Lines(string file)
    {
        var path = Path.Combine(Directory, file);
        return File.Exists(path) ? [.. File.ReadAllLines(path).Where(l => l.Length > 0)] : [];
    }
}

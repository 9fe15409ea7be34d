namespace MacroVersioning.Tests.E2E;

/// <summary>
/// Finds the rows by enumerating folders, so a new golden case or example is checked without
/// touching the tests: <c>macro.Tests/Fixtures/*/expected.json</c> (error cases have no output to
/// check), <c>examples/*/</c>, and the checker's own samples in <c>macro.Tests/E2E/Samples/*/</c>.
/// </summary>
internal static class SamCheckCases
{
    public static string Root { get; } = FindRoot();

    public static string Script => Path.Combine(Root, "macro.Tests", "E2E", "sam_check.py");

    public static IReadOnlyList<SamCheckCase> Fixtures() =>
        [.. Folders(Path.Combine(Root, "macro.Tests", "Fixtures"))
            .Where(d => File.Exists(Path.Combine(d, "expected.json")))
            .Select(d => Case("fixture", d))];

    public static IReadOnlyList<SamCheckCase> Examples() =>
        [.. Folders(Path.Combine(Root, "examples")).Select(d => Case("example", d))];

    public static IReadOnlyList<SamCheckCase> Samples() =>
        [.. Folders(Path.Combine(Root, "macro.Tests", "E2E", "Samples")).Select(d => Case("sample", d))];

    public static IReadOnlyList<SamCheckCase> All() => [.. Fixtures(), .. Examples(), .. Samples()];

    private static IEnumerable<string> Folders(string parent) =>
        Directory.Exists(parent) ? Directory.EnumerateDirectories(parent).Order(StringComparer.Ordinal) : [];

    private static SamCheckCase Case(string kind, string directory)
    {
        var template = new[] { "template.yaml", "template.yml", "template.json" }
            .Select(name => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists) ?? Path.Combine(directory, "template.yaml");
        var expected = Path.Combine(directory, "expected.json");
        var caseFile = Path.Combine(directory, "case.json");
        return new SamCheckCase(
            $"{kind}/{Path.GetFileName(directory)}",
            directory,
            template,
            File.Exists(expected) ? expected : null,
            File.Exists(caseFile) ? caseFile : null);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MacroVersioning.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"MacroVersioning.sln not found above {AppContext.BaseDirectory}");
    }
}

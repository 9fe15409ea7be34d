using MacroVersioning.Tests.Golden;

namespace MacroVersioning.Tests.E2E;

/// <summary>
/// Finds the rows by enumerating folders, so a new golden case or example is checked without
/// touching the tests: <c>macro.Tests/Fixtures/*/expected.json</c> (error cases have no output to
/// check), every example with a template (its stored output and case in
/// <c>macro.Tests/Examples/Expected/&lt;name&gt;/</c>, the same files its golden test compares), and the
/// checker's own samples in <c>macro.Tests/E2E/Samples/*/</c>. Examples and samples must lint without
/// warnings; a golden case may keep a warning its input template already has (an unused parameter).
/// </summary>
internal static class SamCheckCases
{
    public static string Script => Path.Combine(Folder, "sam_check.py");

    public static IReadOnlyList<SamCheckCase> Fixtures() =>
        [.. Folders(RepoPaths.Fixtures)
            .Where(d => File.Exists(Path.Combine(d, "expected.json")))
            .Select(d => Case("fixture", d))];

    public static IReadOnlyList<SamCheckCase> Examples() =>
        [.. Folders(RepoPaths.Examples)
            .Where(d => TemplateFiles.Find(d) is not null)
            .Select(d => Case("example", d, Path.Combine(GoldenCase.ExampleData, Path.GetFileName(d))))];

    public static IReadOnlyList<SamCheckCase> Samples() =>
        [.. Folders(Path.Combine(Folder, "Samples")).Select(d => Case("sample", d))];

    public static IReadOnlyList<SamCheckCase> All() => [.. Fixtures(), .. Examples(), .. Samples()];

    private static string Folder => Path.Combine(RepoPaths.Root, "macro.Tests", "E2E");

    private static IEnumerable<string> Folders(string parent) =>
        Directory.Exists(parent) ? Directory.EnumerateDirectories(parent).Order(StringComparer.Ordinal) : [];

    private static SamCheckCase Case(string kind, string directory) => Case(kind, directory, directory);

    private static SamCheckCase Case(string kind, string directory, string data)
    {
        var template = new[] { "template.yaml", "template.yml", "template.json" }
            .Select(name => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists) ?? Path.Combine(directory, "template.yaml");
        var expected = Path.Combine(data, "expected.json");
        var caseFile = Path.Combine(data, "case.json");
        return new SamCheckCase(
            $"{kind}/{Path.GetFileName(directory)}",
            directory,
            template,
            File.Exists(expected) ? expected : null,
            File.Exists(caseFile) ? caseFile : null,
            WarningsFail: kind is "example" or "sample");
    }
}

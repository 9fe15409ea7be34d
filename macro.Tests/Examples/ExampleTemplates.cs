using MacroVersioning.Tests.Golden;

namespace MacroVersioning.Tests.Examples;

/// <summary>Every CloudFormation template under examples/, found by enumerating the folder.</summary>
public static class ExampleTemplates
{
    /// <summary>Example folder names, each a folder a user can copy.</summary>
    public static IEnumerable<string> Folders() =>
        Directory.EnumerateDirectories(RepoPaths.Examples).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    /// <summary>Paths relative to examples/ of every YAML file with a Resources section.</summary>
    public static IEnumerable<string> All() =>
        Directory.EnumerateFiles(RepoPaths.Examples, "*.yaml", SearchOption.AllDirectories)
            .Where(path => File.ReadLines(path).Any(line => line.StartsWith("Resources:", StringComparison.Ordinal)))
            .Select(path => Path.GetRelativePath(RepoPaths.Examples, path))
            .Order(StringComparer.Ordinal);
}

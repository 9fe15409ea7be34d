using System.Text.Json.Nodes;
using MacroVersioning.Cli;

namespace MacroVersioning.Tests.Golden;

/// <summary>
/// Finds and loads a case's or example's input template with the CLI's reader, so YAML inputs go
/// through the same short-form tag handling a user's template does.
/// </summary>
public static class TemplateFiles
{
    private static readonly string[] Names = ["template.json", "template.yaml", "template.yml"];

    public static string? Find(string directory) =>
        Names.Select(name => Path.Combine(directory, name)).FirstOrDefault(File.Exists);

    public static JsonObject Load(string directory)
    {
        var path = Find(directory) ?? throw new FileNotFoundException($"no {string.Join(", ", Names)} in {directory}");
        return TemplateReader.Read(File.ReadAllText(path), out _);
    }
}

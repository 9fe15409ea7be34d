using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;

namespace MacroVersioning.Tests.Golden;

/// <summary>Loads a case's or example's input template.</summary>
public static class TemplateFiles
{
    public static JsonObject Load(string directory)
    {
        var json = Path.Combine(directory, "template.json");
        if (File.Exists(json))
        {
            return (JsonObject)JsonText.Parse(File.ReadAllText(json))!;
        }

        throw new FileNotFoundException($"no template.json in {directory}");
    }
}

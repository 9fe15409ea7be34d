using System.Text.Json.Nodes;
using MacroVersioning.Cli;
using MacroVersioning.Core.Json;
using MacroVersioning.Tests.Golden;

namespace MacroVersioning.Tests.Tools;

/// <summary>A CloudFormation template of the repository read as the CLI reads it (short-form tags in long form).</summary>
internal sealed class TemplateFile(JsonObject root)
{
    public JsonObject Root => root;

    public JsonObject Resources => root["Resources"]!.AsObject();

    public static TemplateFile Read(params string[] relativePath) =>
        new(TemplateReader.Read(File.ReadAllText(Path.Combine([RepoPaths.Root, .. relativePath])), out _));

    /// <summary>The one resource of <paramref name="type"/>, with its logical id.</summary>
    public (string Id, JsonObject Resource) Single(string type)
    {
        var matches = OfType(type).ToList();
        matches.Should().ContainSingle($"the template should declare exactly one {type}");
        return matches[0];
    }

    public IEnumerable<(string Id, JsonObject Resource)> OfType(string type) =>
        Resources.Where(r => JsonText.ScalarText(r.Value?["Type"]) == type).Select(r => (r.Key, r.Value!.AsObject()));

    public JsonObject Parameter(string name) => root["Parameters"]![name]!.AsObject();

    public static JsonNode Ref(string name) => new JsonObject { ["Ref"] = name };

    public static JsonNode GetAtt(string resource, string attribute) => new JsonObject { ["Fn::GetAtt"] = new JsonArray(resource, attribute) };
}

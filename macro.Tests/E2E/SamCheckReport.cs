using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MacroVersioning.Tests.E2E;

/// <summary>The results of one run of <c>sam_check.py</c> over many rows, looked up per row.</summary>
internal sealed class SamCheckReport(
    IReadOnlyDictionary<string, JsonObject> cases, IReadOnlyDictionary<string, string> failures, string? toolError, JsonNode? tools)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string? ToolError => toolError;

    public static SamCheckReport ToolsMissing(string message) =>
        new(new Dictionary<string, JsonObject>(), new Dictionary<string, string>(), message, null);

    public SamCheckOutcome For(string id)
    {
        if (failures.TryGetValue(id, out var failure))
        {
            return new SamCheckOutcome(false, [failure], failure);
        }

        if (toolError is not null)
        {
            return new SamCheckOutcome(false, [toolError], toolError);
        }

        if (!cases.TryGetValue(id, out var result))
        {
            return new SamCheckOutcome(false, [], $"sam_check.py reported nothing for {id}");
        }

        var findings = new[] { "problems", "lintErrors", "lintWarnings" }
            .SelectMany(key => result[key]?.AsArray() ?? [])
            .Select(line => line?.GetValue<string>() ?? "")
            .ToList();
        var text = new JsonObject { ["tools"] = tools?.DeepClone(), ["case"] = result.DeepClone() }.ToJsonString(Indented);
        return new SamCheckOutcome(result["passed"]?.GetValue<bool>() == true, findings, text);
    }
}

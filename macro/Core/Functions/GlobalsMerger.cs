using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;

namespace MacroVersioning.Core.Functions;

/// <summary>
/// SAM's Globals rules (samtranslator/plugins/globals/globals.py): maps merge recursively, lists
/// are global items then local items, scalars and intrinsics take the function's value, and when
/// the kinds differ the function's value wins. The <c>IgnoreGlobals</c> attribute removes
/// globals ("*" for all).
/// </summary>
internal static class GlobalsMerger
{
    public static JsonObject Merge(JsonObject? globals, JsonObject local, JsonNode? ignoreGlobals)
    {
        if (globals is null || JsonText.ScalarText(ignoreGlobals) == "*")
        {
            return (JsonObject)local.DeepClone();
        }

        var effective = (JsonObject)globals.DeepClone();
        if (ignoreGlobals is JsonArray ignored)
        {
            foreach (var name in ignored.Select(JsonText.ScalarText).OfType<string>())
            {
                effective.Remove(name);
            }
        }

        return (JsonObject)MergeValue(effective, local)!;
    }

    private static JsonNode? MergeValue(JsonNode? global, JsonNode? local)
    {
        if (global is JsonObject g && local is JsonObject l && !Intrinsic.Is(g) && !Intrinsic.Is(l))
        {
            var merged = (JsonObject)g.DeepClone();
            foreach (var (key, value) in l)
            {
                merged[key] = merged.TryGetPropertyValue(key, out var existing)
                    ? MergeValue(existing, value)
                    : value?.DeepClone();
            }

            return merged;
        }

        if (global is JsonArray ga && local is JsonArray la)
        {
            return new JsonArray([.. ga.Concat(la).Select(i => i?.DeepClone())]);
        }

        return local?.DeepClone();
    }
}

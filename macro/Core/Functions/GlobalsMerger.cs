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

        // An intrinsic on either side is a value, not a map to merge: the function's value wins.
        if (Intrinsic.Is(effective) || Intrinsic.Is(local))
        {
            return (JsonObject)local.DeepClone();
        }

        MergeInto(effective, local);
        return effective;
    }

    /// <summary>Merges <paramref name="local"/> into <paramref name="target"/>, a copy this class owns.</summary>
    private static void MergeInto(JsonObject target, JsonObject local)
    {
        foreach (var (key, value) in local)
        {
            if (!target.TryGetPropertyValue(key, out var existing))
            {
                target[key] = value?.DeepClone();
            }
            else if (existing is JsonObject g && value is JsonObject l && !Intrinsic.Is(g) && !Intrinsic.Is(l))
            {
                MergeInto(g, l);
            }
            else if (existing is JsonArray ga && value is JsonArray la)
            {
                foreach (var item in la)
                {
                    ga.Add(item?.DeepClone());
                }
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }
}

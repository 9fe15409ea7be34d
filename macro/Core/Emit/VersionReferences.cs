using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;

namespace MacroVersioning.Core.Emit;

/// <summary>
/// Lets the rest of the template follow the version whose id the user cannot know in advance, with
/// SAM's own spelling for AutoPublishAlias functions: <c>!Ref Func.Version</c> becomes a Ref to the
/// added version (its ARN), and <c>!GetAtt Func.Version.Version</c> its version number (what an
/// <c>AWS::Lambda::Alias</c> FunctionVersion takes).
/// </summary>
internal static class VersionReferences
{
    private const string Suffix = ".Version";

    public static void Rewrite(JsonObject fragment, IReadOnlyDictionary<string, string> versionIds)
    {
        if (versionIds.Count == 0)
        {
            return;
        }

        foreach (var section in new[] { "Resources", "Outputs" })
        {
            if (fragment[section] is JsonObject obj)
            {
                Walk(obj, versionIds, 0);
            }
        }
    }

    private static void Walk(JsonNode node, IReadOnlyDictionary<string, string> versionIds, int depth)
    {
        if (depth > 256)
        {
            return;
        }

        if (node is JsonObject obj)
        {
            for (var i = 0; i < obj.Count; i++)
            {
                var value = obj.GetAt(i).Value;
                if (Replacement(value, versionIds) is { } replacement)
                {
                    obj.SetAt(i, replacement);
                }
                else if (value is not null)
                {
                    Walk(value, versionIds, depth + 1);
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (Replacement(array[i], versionIds) is { } replacement)
                {
                    array[i] = replacement;
                }
                else if (array[i] is { } child)
                {
                    Walk(child, versionIds, depth + 1);
                }
            }
        }
    }

    private static JsonObject? Replacement(JsonNode? node, IReadOnlyDictionary<string, string> versionIds)
    {
        if (!Intrinsic.TryGet(node, out var name, out var argument))
        {
            return null;
        }

        if (name == "Ref" && JsonText.ScalarText(argument) is { } reference && reference.EndsWith(Suffix, StringComparison.Ordinal)
            && versionIds.TryGetValue(reference[..^Suffix.Length], out var versionId))
        {
            return new JsonObject { ["Ref"] = versionId };
        }

        if (name != "Fn::GetAtt")
        {
            return null;
        }

        var dotted = argument switch
        {
            JsonArray { Count: 2 } list when JsonText.ScalarText(list[0]) is { } a && JsonText.ScalarText(list[1]) is { } b => $"{a}.{b}",
            _ => JsonText.ScalarText(argument),
        };
        const string attribute = ".Version.Version";
        return dotted is not null && dotted.EndsWith(attribute, StringComparison.Ordinal)
            && versionIds.TryGetValue(dotted[..^attribute.Length], out var target)
            ? new JsonObject { ["Fn::GetAtt"] = new JsonArray(target, "Version") }
            : null;
    }
}

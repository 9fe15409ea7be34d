using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;
using MacroVersioning.Core.Resolution;

namespace MacroVersioning.Core.Emit;

/// <summary>
/// Lets the rest of the template follow the version whose id the user cannot know in advance, with
/// SAM's own spelling for AutoPublishAlias functions: <c>!Ref Func.Version</c> becomes a Ref to the
/// added version (its ARN), and <c>!GetAtt Func.Version.Version</c> its version number (what an
/// <c>AWS::Lambda::Alias</c> FunctionVersion takes). The same names inside <c>Fn::Sub</c>, which SAM
/// also resolves for its own versions: <c>${Func.Version}</c> becomes <c>${FuncVersion&lt;hash&gt;}</c> and
/// <c>${Func.Version.Version}</c> <c>${FuncVersion&lt;hash&gt;.Version}</c>, unless the list form's variable
/// map defines that name (a variable shadows a template name in Fn::Sub).
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
            RewriteSub(obj, versionIds);
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

    /// <summary>Rewrites the template string of an Fn::Sub in place; its variables are walked like any other node.</summary>
    private static void RewriteSub(JsonObject node, IReadOnlyDictionary<string, string> versionIds)
    {
        if (!Intrinsic.TryGet(node, out var name, out var argument) || name != "Fn::Sub")
        {
            return;
        }

        if (argument is JsonArray { Count: 2 } list && JsonText.ScalarText(list[0]) is { } text)
        {
            if (SubText(text, list[1] as JsonObject, versionIds) is { } rewritten)
            {
                list[0] = rewritten;
            }
        }
        else if (argument is JsonValue && JsonText.ScalarText(argument) is { } whole && SubText(whole, null, versionIds) is { } rewritten)
        {
            node["Fn::Sub"] = rewritten;
        }
    }

    private static string? SubText(string text, JsonObject? variables, IReadOnlyDictionary<string, string> versionIds)
    {
        var changed = false;
        var result = SubVariables.Replace(text, (name, whole) =>
        {
            if (variables?.ContainsKey(name) == true || SubTarget(name, versionIds) is not { } target)
            {
                return whole;
            }

            changed = true;
            return $"${{{target}}}";
        });
        return changed ? result : null;
    }

    /// <summary><c>Func.Version.Version</c> → <c>FuncVersionX.Version</c>, <c>Func.Version</c> → <c>FuncVersionX</c>.</summary>
    private static string? SubTarget(string name, IReadOnlyDictionary<string, string> versionIds)
    {
        const string number = ".Version.Version";
        if (name.EndsWith(number, StringComparison.Ordinal) && versionIds.TryGetValue(name[..^number.Length], out var numbered))
        {
            return $"{numbered}.Version";
        }

        return name.EndsWith(Suffix, StringComparison.Ordinal) && versionIds.TryGetValue(name[..^Suffix.Length], out var versionId) ? versionId : null;
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

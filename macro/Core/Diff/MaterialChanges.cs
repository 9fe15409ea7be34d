using System.Text.Json.Nodes;
using MacroVersioning.Core.Emit;
using MacroVersioning.Core.Hashing;
using MacroVersioning.Core.Json;
using MacroVersioning.Core.References;

namespace MacroVersioning.Core.Diff;

/// <summary>
/// Names what differs between two hash materials of one function, the way a user would look for it
/// in the template: <c>code bytes</c>, <c>Environment.Variables.TABLE</c>,
/// <c>Globals.Function.Timeout</c>, <c>parameter Stage (Environment.Variables.STAGE)</c>,
/// <c>layer SharedLayer content</c>, <c>referenced Table (replacement)</c>. Names only: a value,
/// NoEcho or not, never appears.
/// </summary>
internal static class MaterialChanges
{
    public static IReadOnlyList<string> Name(string functionId, JsonObject old, JsonObject @new, TemplateRevision oldTemplate, TemplateRevision newTemplate)
    {
        var changes = new List<string>();
        if (Code(old["Code"], @new["Code"]) is { } code)
        {
            changes.Add(code);
        }

        var origin = new InputOrigin(functionId, oldTemplate, newTemplate);
        foreach (var path in Leaves(old["Config"], @new["Config"], []))
        {
            changes.AddRange(origin.Describe(path));
        }

        changes.AddRange(Entries(old["Layers"], @new["Layers"], "layer", Layer));
        changes.AddRange(Entries(old["References"], @new["References"], "referenced", Reference));
        return [.. changes.Distinct(StringComparer.Ordinal)];
    }

    private static string? Code(JsonNode? old, JsonNode? @new)
    {
        var (before, after) = (JsonText.ScalarText(old) ?? "", JsonText.ScalarText(@new) ?? "");
        if (before == after)
        {
            return null;
        }

        var (kindBefore, kindAfter) = (CodeKind.Of(before), CodeKind.Of(after));
        if (kindBefore != kindAfter)
        {
            return $"code ({kindBefore} → {kindAfter})";
        }

        return kindAfter switch
        {
            "S3 location" => "code location",
            "inline code" => "inline code",
            "container image" => "image URI",
            _ => "code bytes",
        };
    }

    /// <summary>Paths (as key lists) where two canonical trees differ; maps are entered, lists and intrinsics compared whole.</summary>
    public static IEnumerable<IReadOnlyList<string>> Leaves(JsonNode? old, JsonNode? @new, IReadOnlyList<string> path)
    {
        if (old is JsonObject a && @new is JsonObject b && !Intrinsic.Is(a) && !Intrinsic.Is(b))
        {
            foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)).Order(StringComparer.Ordinal))
            {
                foreach (var leaf in Leaves(a[key], b[key], [.. path, key]))
                {
                    yield return leaf;
                }
            }
        }
        else if (!Same(old, @new))
        {
            yield return path;
        }
    }

    private static IEnumerable<string> Entries(
        JsonNode? old, JsonNode? @new, string noun, Func<string, JsonObject, JsonObject, IEnumerable<string>> describe)
    {
        var before = old as JsonObject ?? [];
        var after = @new as JsonObject ?? [];
        foreach (var id in before.Select(p => p.Key).Union(after.Select(p => p.Key)).Order(StringComparer.Ordinal))
        {
            var (was, now) = (before[id] as JsonObject, after[id] as JsonObject);
            if (was is null || now is null)
            {
                yield return $"{noun} {id} {(was is null ? "added" : "removed")}";
            }
            else if (!Same(was, now))
            {
                foreach (var change in describe(id, was, now))
                {
                    yield return change;
                }
            }
        }
    }

    private static IEnumerable<string> Layer(string id, JsonObject old, JsonObject @new)
    {
        if (!Same(old["Code"], @new["Code"]))
        {
            yield return $"layer {id} content";
        }

        foreach (var path in Leaves(old["Properties"], @new["Properties"], []))
        {
            yield return $"layer {id} {string.Join('.', path)}";
        }
    }

    private static IEnumerable<string> Reference(string id, JsonObject old, JsonObject @new)
    {
        var whole = old.ContainsKey(ReferenceCollector.PropertiesKey) || @new.ContainsKey(ReferenceCollector.PropertiesKey);
        yield return $"referenced {id} ({(whole ? "properties" : "replacement")})";
    }

    private static bool Same(JsonNode? a, JsonNode? b) =>
        (a is null) == (b is null) && CanonicalJson.Serialize(a) == CanonicalJson.Serialize(b);
}

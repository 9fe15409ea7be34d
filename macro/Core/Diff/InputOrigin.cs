using System.Text.Json.Nodes;
using MacroVersioning.Core.Functions;
using MacroVersioning.Core.Hashing;
using MacroVersioning.Core.Json;
using MacroVersioning.Core.Resolution;

namespace MacroVersioning.Core.Diff;

/// <summary>
/// Where a changed configuration value of one function comes from, read from the two templates as
/// written: the function's own properties, <c>Globals.Function</c> (SAM functions only), or, when the
/// text is the same on both sides, a template parameter whose value changed.
/// </summary>
internal sealed class InputOrigin(string functionId, TemplateRevision old, TemplateRevision @new)
{
    public IEnumerable<string> Describe(IReadOnlyList<string> path)
    {
        var name = string.Join('.', path);
        var (rawOld, rawNew) = (Raw(old, path), Raw(@new, path));
        if (rawOld is not null && rawNew is not null && Same(rawOld, rawNew))
        {
            var parameters = Parameters(rawNew).Where(ParameterChanged).ToList();
            if (parameters.Count > 0)
            {
                return parameters.Select(p => $"parameter {p} ({name})");
            }
        }

        return [InGlobals(@new, path) || (!Local(@new, path) && InGlobals(old, path)) ? $"Globals.Function.{name}" : name];
    }

    private bool Local(TemplateRevision side, IReadOnlyList<string> path) => At(LocalProperties(side), path) is not null;

    /// <summary>True when the value at the path is the global one (the function does not set it).</summary>
    private bool InGlobals(TemplateRevision side, IReadOnlyList<string> path) =>
        !Local(side, path) && At(Globals(side), path) is not null;

    /// <summary>The value as written: the function's own, else the global one (SAM: the function's value wins).</summary>
    private JsonNode? Raw(TemplateRevision side, IReadOnlyList<string> path) =>
        At(LocalProperties(side), path) ?? At(Globals(side), path);

    private JsonObject? LocalProperties(TemplateRevision side) =>
        ((side.Template["Resources"] as JsonObject)?[functionId] as JsonObject)?["Properties"] as JsonObject;

    private JsonObject? Globals(TemplateRevision side)
    {
        var resource = (side.Template["Resources"] as JsonObject)?[functionId] as JsonObject;
        if (JsonText.ScalarText(resource?["Type"]) != PropertyClassifier.Serverless || JsonText.ScalarText(resource?["IgnoreGlobals"]) == "*")
        {
            return null;
        }

        return (side.Template["Globals"] as JsonObject)?["Function"] as JsonObject;
    }

    private static JsonNode? At(JsonNode? node, IReadOnlyList<string> path)
    {
        foreach (var key in path)
        {
            if (node is not JsonObject map || Intrinsic.Is(map) || !map.TryGetPropertyValue(key, out node))
            {
                return null;
            }
        }

        return node;
    }

    private bool ParameterChanged(string name)
    {
        var (before, after) = (old.ParameterValues[name], @new.ParameterValues[name]);
        return (before is null) != (after is null) || CanonicalJson.Serialize(before) != CanonicalJson.Serialize(after);
    }

    /// <summary>Template parameters the text names by <c>Ref</c> or as an <c>Fn::Sub</c> variable, in order.</summary>
    private IEnumerable<string> Parameters(JsonNode? node)
    {
        var names = new List<string>();
        Collect(node, names);
        return names.Distinct(StringComparer.Ordinal).Where(n => old.ParameterValues.ContainsKey(n) || @new.ParameterValues.ContainsKey(n));
    }

    private static void Collect(JsonNode? node, List<string> names)
    {
        switch (node)
        {
            case JsonObject map when Intrinsic.TryGet(map, out var name, out var argument) && name is "Ref" or "Fn::Sub":
                var text = JsonText.ScalarText(name == "Ref" ? argument : argument is JsonArray form && form.Count > 0 ? form[0] : argument);
                if (name == "Ref" && text is not null)
                {
                    names.Add(text);
                }
                else if (text is not null)
                {
                    SubVariables.Replace(text, (variable, whole) =>
                    {
                        names.Add(variable);
                        return whole;
                    });
                }

                if (name == "Fn::Sub" && argument is JsonArray { Count: > 1 } sub)
                {
                    Collect(sub[1], names);
                }

                break;
            case JsonObject map:
                foreach (var (_, value) in map)
                {
                    Collect(value, names);
                }

                break;
            case JsonArray list:
                foreach (var item in list)
                {
                    Collect(item, names);
                }

                break;
        }
    }

    private static bool Same(JsonNode a, JsonNode b) => CanonicalJson.Serialize(a) == CanonicalJson.Serialize(b);
}

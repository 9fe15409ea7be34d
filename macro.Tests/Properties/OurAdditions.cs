using System.Text.Json.Nodes;
using MacroVersioning.Core;
using MacroVersioning.Core.Json;

namespace MacroVersioning.Tests.Properties;

/// <summary>
/// Takes out of a transformed template exactly what the macro promises to add or change (SPEC §4,
/// README): the version resources, their outputs, the Description stamp, an AutoPublishAlias function's
/// AutoPublishCodeSha256 and VersionDescription (its references to <c>F.Version</c> stay as written), and the rewrite of SAM's
/// references to a function's version. The rule for references: in Resources and Outputs, wherever
/// the input has <c>{"Ref": "F.Version"}</c> for a versioned function F, the output must have
/// <c>{"Ref": V}</c>, and wherever it has <c>Fn::GetAtt</c> of <c>F.Version.Version</c> (as
/// <c>[F, "Version.Version"]</c>, <c>[F.Version, "Version"]</c> or the string), the output must have
/// <c>{"Fn::GetAtt": [V, "Version"]}</c>, V being F's added version. Each such rewrite is undone; one
/// missing or wrong is reported. What is left must be the input, key order included.
/// </summary>
internal static class OurAdditions
{
    public static JsonObject Remove(JsonObject input, JsonObject output, IReadOnlyList<FunctionReport> reports, List<string> wrongReferences)
    {
        var result = (JsonObject)output.DeepClone();
        var resources = (JsonObject)result["Resources"]!;
        var inputResources = (JsonObject)input["Resources"]!;
        var outputs = result["Outputs"] as JsonObject;
        foreach (var report in reports.Where(r => r.Versioned))
        {
            if (input["Outputs"]?[$"{report.FunctionId}VersionArn"] is null)
            {
                outputs?.Remove($"{report.FunctionId}VersionArn");
            }

            if (report.Via is not null)
            {
                // SAM versions it: the macro only set AutoPublishCodeSha256 (SAM adds the version) and, unless the
                // user wrote one, the VersionDescription SAM copies onto that version.
                RestoreProperty((JsonObject)inputResources[report.FunctionId]!, (JsonObject)resources[report.FunctionId]!, "AutoPublishCodeSha256");
                RestoreProperty((JsonObject)inputResources[report.FunctionId]!, (JsonObject)resources[report.FunctionId]!, "VersionDescription");
                continue;
            }

            resources.Remove(report.VersionId!);
            RestoreProperty((JsonObject)inputResources[report.FunctionId]!, (JsonObject)resources[report.FunctionId]!, "Description");
        }

        if (!input.ContainsKey("Outputs") && outputs is { Count: 0 })
        {
            result.Remove("Outputs");
        }

        var versions = reports.Where(r => r.Versioned && r.Via is null).ToDictionary(r => r.FunctionId, r => r.VersionId!);
        foreach (var section in new[] { "Resources", "Outputs" })
        {
            if (input[section] is JsonObject inputSection && result[section] is JsonObject restSection)
            {
                UndoReferences(inputSection, restSection, section, versions, wrongReferences);
            }
        }

        return result;
    }

    /// <summary>Walks input and rest side by side; where the input refers to a version, checks and undoes the rewrite.</summary>
    private static void UndoReferences(JsonNode input, JsonNode rest, string path, Dictionary<string, string> versions, List<string> wrong)
    {
        if (Rewritten(input, versions) is { } expected)
        {
            if (JsonNode.DeepEquals(rest, expected) && rest.Parent is { } parent)
            {
                Replace(parent, rest, input.DeepClone());
            }
            else
            {
                wrong.Add($"{path}: {JsonText.ToCompact(input)} should become {JsonText.ToCompact(expected)}, not {JsonText.ToCompact(rest)}");
            }

            return;
        }

        switch (input, rest)
        {
            case (JsonObject i, JsonObject r):
                foreach (var (key, value) in i.ToList())
                {
                    if (value is not null && r[key] is { } restValue)
                    {
                        UndoReferences(value, restValue, $"{path}.{key}", versions, wrong);
                    }
                }

                break;
            case (JsonArray i, JsonArray r) when i.Count == r.Count:
                for (var n = 0; n < i.Count; n++)
                {
                    if (i[n] is { } value && r[n] is { } restValue)
                    {
                        UndoReferences(value, restValue, $"{path}[{n}]", versions, wrong);
                    }
                }

                break;
        }
    }

    /// <summary>What a reference to a versioned function's version must become; null for anything else.</summary>
    private static JsonObject? Rewritten(JsonNode input, Dictionary<string, string> versions)
    {
        if (input is not JsonObject { Count: 1 } reference)
        {
            return null;
        }

        if (reference["Ref"] is JsonValue r && r.TryGetValue<string>(out var name) && name.EndsWith(".Version", StringComparison.Ordinal)
            && versions.TryGetValue(name[..^".Version".Length], out var version))
        {
            return new JsonObject { ["Ref"] = version };
        }

        var dotted = reference["Fn::GetAtt"] switch
        {
            JsonArray { Count: 2 } pair when pair[0] is JsonValue a && a.TryGetValue<string>(out var id) && pair[1] is JsonValue b && b.TryGetValue<string>(out var attribute) =>
                $"{id}.{attribute}",
            JsonValue text when text.TryGetValue<string>(out var whole) => whole,
            _ => null,
        };
        return dotted is not null && dotted.EndsWith(".Version.Version", StringComparison.Ordinal)
            && versions.TryGetValue(dotted[..^".Version.Version".Length], out var target)
            ? new JsonObject { ["Fn::GetAtt"] = new JsonArray(target, "Version") }
            : null;
    }

    private static void Replace(JsonNode parent, JsonNode old, JsonNode replacement)
    {
        if (parent is JsonObject obj)
        {
            obj[old.GetPropertyName()] = replacement;
        }
        else
        {
            ((JsonArray)parent)[old.GetElementIndex()] = replacement;
        }
    }

    private static void RestoreProperty(JsonObject inputFunction, JsonObject outputFunction, string name)
    {
        if (inputFunction["Properties"] is not JsonObject inputProperties)
        {
            outputFunction.Remove("Properties");
            return;
        }

        var outputProperties = (JsonObject)outputFunction["Properties"]!;
        if (inputProperties.TryGetPropertyValue(name, out var original))
        {
            outputProperties[name] = original?.DeepClone();
        }
        else
        {
            outputProperties.Remove(name);
        }
    }
}

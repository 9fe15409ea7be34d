using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;
using MacroVersioning.Core.Validation;

namespace MacroVersioning.Core;

/// <summary>
/// Builds, from a whole template, the request CloudFormation would send the macro: the fragment is the
/// template minus <c>Transform</c>, parameter values have defaults applied and list types split, and
/// the <c>VersioningMacro</c> entry's <c>Parameters</c> become <c>params</c>
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-macros.html).
/// </summary>
public static class LocalRequestBuilder
{
    public const string MacroName = "VersioningMacro";

    public static (MacroRequest? Request, IReadOnlyList<Problem> Problems) Build(
        JsonObject template, IReadOnlyDictionary<string, string> parameterOverrides, string region, string accountId)
    {
        var problems = new List<Problem>();
        var macroParams = MacroParams(template["Transform"], problems);
        TransformOrder.CheckListing([.. Entries(template["Transform"]).Select(NameOf)], template, problems);
        var values = ParameterValues(template["Parameters"], parameterOverrides, problems);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var fragment = (JsonObject)template.DeepClone();
        fragment.Remove("Transform");
        return (new MacroRequest(fragment, values, macroParams, region, accountId), problems);
    }

    /// <summary>The transforms after ours, which CloudFormation runs next (usually SAM's).</summary>
    public static JsonNode? RemainingTransforms(JsonObject template)
    {
        var rest = Entries(template["Transform"]).Where(e => NameOf(e) != MacroName).Select(e => e?.DeepClone()).ToList();
        return rest.Count switch
        {
            0 => null,
            1 => rest[0],
            _ => new JsonArray([.. rest]),
        };
    }

    private static IEnumerable<JsonNode?> Entries(JsonNode? transform) => transform switch
    {
        null => Array.Empty<JsonNode?>(),
        JsonArray list => list,
        _ => new[] { transform },
    };

    private static string? NameOf(JsonNode? entry) => entry is JsonObject obj ? JsonText.ScalarText(obj["Name"]) : JsonText.ScalarText(entry);

    private static JsonObject MacroParams(JsonNode? transform, List<Problem> problems)
    {
        var ours = Entries(transform).FirstOrDefault(e => NameOf(e) == MacroName);
        if (ours is null && !Entries(transform).Any(e => NameOf(e) == MacroName))
        {
            problems.Add(new Problem("Transform", $"does not list {MacroName}; CloudFormation would not call the macro. Add it before SAM: Transform: [{MacroName}, AWS::Serverless-2016-10-31]"));
            return [];
        }

        return ours is JsonObject obj && obj["Parameters"] is { } parameters
            ? parameters is JsonObject map ? (JsonObject)map.DeepClone() : Invalid(problems)
            : [];
    }

    private static JsonObject Invalid(List<Problem> problems)
    {
        problems.Add(new Problem(MacroTransformer.SettingsPath, "must be a map of settings"));
        return [];
    }

    private static JsonObject ParameterValues(JsonNode? declared, IReadOnlyDictionary<string, string> overrides, List<Problem> problems)
    {
        var values = new JsonObject();
        var parameters = declared as JsonObject ?? [];
        foreach (var name in overrides.Keys.Where(k => !parameters.ContainsKey(k)))
        {
            problems.Add(new Problem($"Parameters.{name}", "is not declared in the template"));
        }

        foreach (var (name, definition) in parameters)
        {
            var type = JsonText.ScalarText(definition?["Type"]) ?? "String";
            var value = overrides.TryGetValue(name, out var given) ? given : JsonText.ScalarText(definition?["Default"]);
            if (value is null)
            {
                problems.Add(new Problem($"Parameters.{name}", $"has no Default; pass a value (--param {name}=VALUE)"));
                continue;
            }

            values[name] = type == "CommaDelimitedList" || type.StartsWith("List<", StringComparison.Ordinal)
                ? new JsonArray([.. value.Split(',').Select(v => (JsonNode)JsonValue.Create(type == "CommaDelimitedList" ? v : v.Trim()))])
                : JsonValue.Create(value);
        }

        return values;
    }
}

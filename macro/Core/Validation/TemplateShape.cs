using System.Text.Json;
using System.Text.Json.Nodes;
using MacroVersioning.Core.Functions;

using MacroVersioning.Core.Resolution;

namespace MacroVersioning.Core.Validation;

/// <summary>
/// The template sections and resource entries the macro reads must have the shape CloudFormation
/// requires (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html).
/// Otherwise the macro would silently skip what it cannot read (a resource without Type, a Conditions
/// string) and answer as if all were well; this names the place instead. Values the macro only hashes
/// are left for SAM and CloudFormation to validate.
/// </summary>
internal static class TemplateShape
{
    private static readonly Dictionary<string, string> Sections = new(StringComparer.Ordinal)
    {
        ["Parameters"] = "parameter names to declarations",
        ["Conditions"] = "condition names to conditions",
        ["Mappings"] = "mapping names to mappings",
        ["Globals"] = "SAM globals, such as Function",
    };

    /// <returns>The Resources map, or null with the problem: missing, not a map, or empty.</returns>
    public static JsonObject? Resources(JsonObject fragment, List<Problem> problems)
    {
        var problem = fragment["Resources"] switch
        {
            JsonObject { Count: > 0 } resources => null,
            JsonObject => "is empty; a template needs at least one resource",
            null when !fragment.ContainsKey("Resources") =>
                "is missing; VersioningMacro belongs in the template-level Transform of a template with Resources, not in Fn::Transform",
            var other => $"must be a map of logical ids to resources, not {Describe(other)}",
        };
        if (problem is not null)
        {
            problems.Add(new Problem("Resources", problem));
            return null;
        }

        return (JsonObject)fragment["Resources"]!;
    }

    public static void Check(JsonObject fragment, JsonObject resources, List<Problem> problems)
    {
        foreach (var (section, what) in Sections.Where(s => fragment[s.Key] is not (null or JsonObject)))
        {
            problems.Add(new Problem(section, $"must be a map of {what}, not {Describe(fragment[section])}"));
        }

        foreach (var (name, declaration) in fragment["Parameters"] as JsonObject ?? [])
        {
            if (declaration is not JsonObject parameter)
            {
                problems.Add(new Problem($"Parameters.{name}", $"must be a map with Type (and NoEcho: true for a secret), not {Describe(declaration)}"));
            }
            else if (parameter.TryGetPropertyValue("NoEcho", out var noEcho) && !NoEchoFlag.IsValid(noEcho))
            {
                var given = noEcho?.GetValueKind() == JsonValueKind.String ? $"\"{noEcho.GetValue<string>()}\"" : Describe(noEcho);
                problems.Add(new Problem(
                    $"Parameters.{name}.NoEcho",
                    $"must be true or false, not {given}; VersioningMacro keeps the value out of version ids and messages only when it can tell it is secret"));
            }
        }

        foreach (var (id, resource) in resources)
        {
            // Fn::ForEach entries (AWS::LanguageExtensions) are lists; that transform expands them.
            if (!id.StartsWith("Fn::", StringComparison.Ordinal))
            {
                CheckResource(id, resource, problems);
            }
        }
    }

    private static void CheckResource(string id, JsonNode? resource, List<Problem> problems)
    {
        var path = $"Resources.{id}";
        if (resource is not JsonObject entry)
        {
            problems.Add(new Problem(path, $"must be a map with Type and Properties, not {Describe(resource)}"));
            return;
        }

        if (!entry.TryGetPropertyValue("Type", out var typeNode))
        {
            problems.Add(new Problem(path, "has no Type; every resource needs one, such as AWS::Serverless::Function"));
            return;
        }

        if (typeNode is not JsonValue typeValue || typeValue.GetValueKind() != JsonValueKind.String)
        {
            problems.Add(new Problem($"{path}.Type", $"must be a resource type string, such as AWS::Serverless::Function, not {Describe(typeNode)}"));
            return;
        }

        // Functions and layers have their Properties checked where they are read, with their own message.
        var type = typeValue.GetValue<string>();
        if (!PropertyClassifier.IsFunctionType(type) && !type.EndsWith("::LayerVersion", StringComparison.Ordinal)
            && entry["Properties"] is { } properties and not JsonObject)
        {
            problems.Add(new Problem($"{path}.Properties", $"must be a map of {type} properties, not {Describe(properties)}"));
        }
    }

    private static string Describe(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "a map",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "a boolean",
    };
}

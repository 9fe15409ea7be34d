using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;

namespace MacroVersioning.Core.Resolution;

/// <summary>Fn::Sub and the functions that fold to a value once their arguments are known.</summary>
internal sealed partial class IntrinsicResolver
{
    private JsonNode? ResolveSub(JsonNode? argument, Scope scope, int depth)
    {
        var (template, variables) = argument switch
        {
            JsonArray { Count: 2 } list when JsonText.ScalarText(list[0]) is { } text && list[1] is JsonObject vars => (text, vars),
            _ when JsonText.ScalarText(argument) is { } text => (text, null),
            _ => ((string?)null, (JsonObject?)null),
        };
        if (template is null)
        {
            return Intrinsic.Make("Fn::Sub", ResolveArgument(argument, scope, depth + 1));
        }

        var resolvedVariables = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, value) in variables ?? [])
        {
            resolvedVariables[key] = Resolve(value, scope, depth + 1);
        }

        var unresolved = new JsonObject();
        var substituted = SubVariables.Replace(template, (name, whole) =>
        {
            if (name.StartsWith('!'))
            {
                return whole;
            }

            if (resolvedVariables.TryGetValue(name, out var variable))
            {
                if (JsonText.ScalarText(variable) is { } text)
                {
                    return text;
                }

                unresolved[name] = variable?.DeepClone();
                return whole;
            }

            var value = name.Contains('.') ? null : JsonText.ScalarText(ResolveRef(name, scope));
            return value ?? whole;
        });

        if (!SubVariables.Any(substituted))
        {
            return JsonValue.Create(substituted);
        }

        return unresolved.Count == 0
            ? Intrinsic.Make("Fn::Sub", substituted)
            : Intrinsic.Make("Fn::Sub", new JsonArray(JsonValue.Create(substituted), unresolved));
    }

    /// <summary>The value of a function whose arguments are all known, or null to keep it as written.</summary>
    private JsonNode? TryFold(string name, JsonNode? argument)
    {
        switch (name)
        {
            case "Fn::Join" when argument is JsonArray { Count: 2 } join
                && JsonText.ScalarText(join[0]) is { } delimiter
                && join[1] is JsonArray parts
                && parts.All(p => JsonText.ScalarText(p) is not null):
                return JsonValue.Create(string.Join(delimiter, parts.Select(JsonText.ScalarText)));
            case "Fn::Select" when argument is JsonArray { Count: 2 } select
                && int.TryParse(JsonText.ScalarText(select[0]), out var index)
                && select[1] is JsonArray options
                && index >= 0 && index < options.Count:
                return options[index]?.DeepClone();
            case "Fn::Split" when argument is JsonArray { Count: 2 } split
                && JsonText.ScalarText(split[0]) is { Length: > 0 } separator
                && JsonText.ScalarText(split[1]) is { } whole:
                return new JsonArray([.. whole.Split(separator).Select(s => (JsonNode)JsonValue.Create(s))]);
            case "Fn::FindInMap" when argument is JsonArray { Count: 3 } find
                && find.Select(JsonText.ScalarText).ToArray() is [{ } map, { } top, { } second]
                && MappingValue(map, top, second) is JsonNode found:
                // CloudFormation allows only literals in Mappings: take the value as written. Resolving it
                // again would recurse forever on a mapping that refers to itself.
                return found.DeepClone();
            default:
                return null;
        }
    }

    private JsonNode? MappingValue(string map, string top, string second) =>
        context.Mappings[map] is JsonObject m && m[top] is JsonObject t ? t[second] : null;

    /// <summary>Text for messages: the value when it is a plain scalar, else the intrinsic as JSON.</summary>
    public static string Describe(JsonNode? node)
    {
        return JsonText.ScalarText(node) ?? JsonText.ToCompact(node);
    }
}

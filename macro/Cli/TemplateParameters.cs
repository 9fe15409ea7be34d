using System.Text.Json;
using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;
using MacroVersioning.Core.Resolution;

namespace MacroVersioning.Cli;

/// <summary>
/// Checks <c>--param</c> values against the template's <c>Parameters</c> the way CloudFormation checks a
/// stack's parameters (no unknown names, a value for every parameter without a <c>Default</c>, each value
/// used — given or defaulted — within the declaration's constraints: <see cref="ParameterConstraints"/>), and
/// names the NoEcho values the CLI must never print.
/// </summary>
internal static class TemplateParameters
{
    public static IReadOnlyList<string> Check(JsonObject template, IReadOnlyList<KeyValuePair<string, string>> overrides)
    {
        var declared = template["Parameters"] as JsonObject ?? [];
        var errors = new List<string>();
        foreach (var (name, _) in overrides.Where(o => !declared.ContainsKey(o.Key)))
        {
            var known = declared.Count == 0 ? "it declares none" : $"it declares {string.Join(", ", declared.Select(p => p.Key))}";
            errors.Add($"--param {name}: the template has no parameter {name} ({known})");
        }

        foreach (var (name, declaration) in declared)
        {
            if (declaration is not JsonObject d)
            {
                continue;
            }

            var given = overrides.LastOrDefault(o => o.Key == name);
            if (given.Key is null && !d.ContainsKey("Default"))
            {
                errors.Add($"parameter {name} has no Default: pass --param {name}=VALUE");
            }
            else if ((given.Key is null ? JsonText.ScalarText(d["Default"]) : given.Value) is { } value
                && ParameterConstraints.Check(name, d, value, fromDefault: given.Key is null) is { } broken)
            {
                errors.Add(broken);
            }
        }

        return errors;
    }

    /// <summary>Values of NoEcho parameters: from <paramref name="overrides"/> and the template's defaults.</summary>
    public static IReadOnlyList<string> Secrets(JsonObject template, IEnumerable<KeyValuePair<string, string>> overrides)
    {
        var declared = template["Parameters"] as JsonObject ?? [];
        var noEcho = declared.Where(p => NoEchoFlag.IsSecret(p.Value)).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var secrets = overrides.Where(o => noEcho.Contains(o.Key)).Select(o => o.Value).ToList();
        secrets.AddRange(noEcho.Select(name => (declared[name] as JsonObject)?["Default"]).OfType<JsonValue>().Select(Text));
        return [.. secrets.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// NoEcho values inside a macro request (for <c>invoke</c>): parameters the fragment marks NoEcho, as
    /// found in <c>templateParameterValues</c> (a list parameter contributes each item).
    /// </summary>
    public static IReadOnlyList<string> Secrets(JsonObject fragment, JsonObject? parameterValues)
    {
        var declared = fragment["Parameters"] as JsonObject ?? [];
        var secrets = new List<string>();
        foreach (var (name, declaration) in declared)
        {
            switch (NoEchoFlag.IsSecret(declaration) ? parameterValues?[name] : null)
            {
                case JsonArray items:
                    secrets.Add(string.Join(',', items.OfType<JsonValue>().Select(Text)));
                    secrets.AddRange(items.OfType<JsonValue>().Select(Text));
                    break;
                case JsonValue value:
                    secrets.Add(Text(value));
                    break;
            }
        }

        return [.. secrets.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    private static string Text(JsonValue value) =>
        value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
}

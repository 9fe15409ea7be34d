using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;
using MacroVersioning.Core.Validation;

namespace MacroVersioning.Core.Settings;

/// <summary>
/// Reads settings strictly: an unknown key or a wrong type is a problem, never silently ignored, so a
/// typo like <c>StampDesciption: false</c> cannot quietly change ids.
/// </summary>
internal static class SettingsReader
{
    public static readonly IReadOnlyList<string> Keys =
    [
        "Enabled", "CodeIdentity", "Outputs", "ExportOutputs", "StampDescription",
        "DeletionPolicy", "UpdateReplacePolicy", "HashedProperties", "IgnoredProperties",
    ];

    public static MacroSettings Read(JsonNode? node, string path, MacroSettings inherited, List<Problem> problems)
    {
        if (node is null)
        {
            return inherited;
        }

        if (node is not JsonObject obj)
        {
            problems.Add(new Problem(path, $"must be a map of settings ({string.Join(", ", Keys)})"));
            return inherited;
        }

        var settings = inherited;
        foreach (var (key, value) in obj)
        {
            var at = $"{path}.{key}";
            settings = key switch
            {
                "Enabled" => settings with { Enabled = Bool(value, at, settings.Enabled, problems) },
                "Outputs" => settings with { Outputs = Bool(value, at, settings.Outputs, problems) },
                "ExportOutputs" => settings with { ExportOutputs = Bool(value, at, settings.ExportOutputs, problems) },
                "StampDescription" => settings with { StampDescription = Bool(value, at, settings.StampDescription, problems) },
                "CodeIdentity" => settings with { CodeIdentity = Mode(value, at, settings.CodeIdentity, problems) },
                "DeletionPolicy" => settings with { DeletionPolicy = OneOf(value, at, settings.DeletionPolicy, ["RetainExceptOnCreate", "Retain", "Delete"], problems) },
                "UpdateReplacePolicy" => settings with { UpdateReplacePolicy = OneOf(value, at, settings.UpdateReplacePolicy, ["Retain", "Delete"], problems) },
                "HashedProperties" => settings with { HashedProperties = Names(value, at, settings.HashedProperties, problems) },
                "IgnoredProperties" => settings with { IgnoredProperties = Names(value, at, settings.IgnoredProperties, problems) },
                _ => Unknown(settings, at, problems),
            };
        }

        foreach (var both in settings.HashedProperties.Intersect(settings.IgnoredProperties).Order(StringComparer.Ordinal))
        {
            problems.Add(new Problem(path, $"{both} is in both HashedProperties and IgnoredProperties; keep it in one"));
        }

        return settings;
    }

    private static MacroSettings Unknown(MacroSettings settings, string at, List<Problem> problems)
    {
        var meant = NearMiss.Find(at[(at.LastIndexOf('.') + 1)..], Keys) is { } near ? $"did you mean {near}? " : "";
        problems.Add(new Problem(at, $"{meant}unknown setting; known settings are {string.Join(", ", Keys)}"));
        return settings;
    }

    private static bool Bool(JsonNode? value, string at, bool fallback, List<Problem> problems)
    {
        switch (JsonText.ScalarText(value))
        {
            case "true" or "True":
                return true;
            case "false" or "False":
                return false;
            default:
                problems.Add(new Problem(at, $"must be true or false, not {Describe(value)}"));
                return fallback;
        }
    }

    private static CodeIdentityMode Mode(JsonNode? value, string at, CodeIdentityMode fallback, List<Problem> problems) =>
        OneOf(value, at, "", ["content", "location"], problems) switch
        {
            "content" => CodeIdentityMode.Content,
            "location" => CodeIdentityMode.Location,
            _ => fallback,
        };

    private static string OneOf(JsonNode? value, string at, string fallback, string[] allowed, List<Problem> problems)
    {
        if (value is JsonValue && JsonText.ScalarText(value) is { } text && allowed.Contains(text, StringComparer.Ordinal))
        {
            return text;
        }

        problems.Add(new Problem(at, $"must be one of {string.Join(", ", allowed)}, not {Describe(value)}"));
        return fallback;
    }

    private static IReadOnlySet<string> Names(JsonNode? value, string at, IReadOnlySet<string> inherited, List<Problem> problems)
    {
        if (value is JsonArray list && list.All(i => i is JsonValue && JsonText.ScalarText(i) is { Length: > 0 }))
        {
            var names = new HashSet<string>(inherited, StringComparer.Ordinal);
            names.UnionWith(list.Select(i => JsonText.ScalarText(i)!));
            return names;
        }

        problems.Add(new Problem(at, $"must be a list of property names, not {Describe(value)}"));
        return inherited;
    }

    private static string Describe(JsonNode? value) => value is null ? "null" : JsonText.ToCompact(value);
}

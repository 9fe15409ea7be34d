using System.Globalization;
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
        "Enabled", "CodeIdentity", "Outputs", "VersionParameter", "StampDescription",
        "DeletionPolicy", "UpdateReplacePolicy", "HashedProperties", "IgnoredProperties", "AutoPublishAlias", "KeepVersions",
    ];

    /// <summary><c>KeepVersions: all</c> in a function's Metadata undoes a macro-wide KeepVersions for that function.</summary>
    public const string KeepAllVersions = "all";

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
                "VersionParameter" => settings with { VersionParameter = Bool(value, at, settings.VersionParameter, problems) },
                "ExportOutputs" => Removed(settings, at, ExportOutputsRemoved, problems),
                "StampDescription" => settings with { StampDescription = Bool(value, at, settings.StampDescription, problems) },
                "CodeIdentity" => settings with { CodeIdentity = Mode(value, at, settings.CodeIdentity, problems) },
                "DeletionPolicy" => settings with { DeletionPolicy = OneOf(value, at, settings.DeletionPolicy, ["RetainExceptOnCreate", "Retain", "Delete"], problems) },
                "UpdateReplacePolicy" => settings with { UpdateReplacePolicy = OneOf(value, at, settings.UpdateReplacePolicy, ["Retain", "Delete"], problems) },
                "AutoPublishAlias" => settings with
                {
                    AutoPublishAlias = OneOf(value, at, settings.AutoPublishAlias, [MacroSettings.AutoPublishAliasHash, MacroSettings.AutoPublishAliasLeave], problems),
                },
                "KeepVersions" => settings with { KeepVersions = Keep(value, at, settings.KeepVersions, problems) },
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

    /// <summary>
    /// An export of the version ARN changes with every new version, and CloudFormation refuses to change an
    /// exported value another stack imports
    /// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-importvalue.html),
    /// so the first import would have failed every later code deployment.
    /// </summary>
    private const string ExportOutputsRemoved =
        "was removed: the exported version ARN changes with every new version, and CloudFormation refuses to change an export another "
        + "stack imports, so every later deployment would fail. Set VersionParameter: true instead (an SSM parameter per function, "
        + "/VersioningMacro/<stack name>/<FunctionId>, that other stacks read with {{resolve:ssm:...}}), or read the stack output";

    private static MacroSettings Removed(MacroSettings settings, string at, string message, List<Problem> problems)
    {
        problems.Add(new Problem(at, message));
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

    /// <summary>A whole number of at least 1, as a number or as text (CloudFormation may hand Parameters over as strings), or <c>all</c>.</summary>
    private static int? Keep(JsonNode? value, string at, int? fallback, List<Problem> problems)
    {
        var text = value is JsonValue ? JsonText.ScalarText(value) : null;
        if (text == KeepAllVersions)
        {
            return null;
        }

        if (text is not null && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var keep) && keep >= 1)
        {
            return keep;
        }

        problems.Add(new Problem(at, $"must be a whole number of at least 1 (how many of the macro's newest versions to keep; older ones it published are deleted) or {KeepAllVersions}, not {Describe(value)}"));
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

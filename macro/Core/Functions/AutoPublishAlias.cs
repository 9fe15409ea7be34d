using System.Text.Json;
using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;

namespace MacroVersioning.Core.Functions;

/// <summary>
/// Whether SAM publishes a function's versions itself. SAM translator 1.110.0 makes an alias and a
/// version only for a non-empty name: with <c>AutoPublishAlias: null</c> or <c>""</c> it publishes
/// nothing, so such a function needs our version like any other. A <c>Ref</c> (or another intrinsic)
/// counts as set: SAM resolves it or rejects the template. Any other value SAM rejects too
/// (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html#sam-function-autopublishalias),
/// so it is named here instead of guessed at.
/// </summary>
internal static class AutoPublishAlias
{
    public const string Name = "AutoPublishAlias";

    public const string GlobalsPath = "Globals.Function." + Name;

    /// <param name="merged">The function's properties after Globals.</param>
    /// <param name="local">The properties as written, to tell where the value came from.</param>
    /// <returns>True when SAM publishes the versions; false when we should, or when the value is wrong (with a problem).</returns>
    public static bool IsSet(JsonObject merged, JsonObject local, string propertiesPath, List<Problem> problems)
    {
        if (!merged.TryGetPropertyValue(Name, out var alias))
        {
            return false;
        }

        switch (alias)
        {
            case null:
                return false;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return value.GetValue<string>().Length > 0;
            case JsonObject when Intrinsic.Is(alias):
                return true;
        }

        var path = local.ContainsKey(Name) ? $"{propertiesPath}.{Name}" : GlobalsPath;
        if (!problems.Any(p => p.Path == path))
        {
            problems.Add(new Problem(path, $"must be a string or a Ref, not {Describe(alias)}; give the alias name (such as live), or remove it so VersioningMacro versions the function"));
        }

        return false;
    }

    private static string Describe(JsonNode alias) => alias.GetValueKind() switch
    {
        JsonValueKind.Object => "a map",
        JsonValueKind.Array => "a list",
        JsonValueKind.Number => "a number",
        _ => "a boolean",
    };
}

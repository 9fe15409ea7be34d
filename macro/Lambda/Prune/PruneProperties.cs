using System.Globalization;
using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;
using MacroVersioning.Core.Pruning;

namespace MacroVersioning.Lambda.Prune;

/// <summary>
/// Reads <c>FunctionName</c>, <c>KeepVersions</c> and <c>Version</c> from the request's <c>ResourceProperties</c>,
/// and the previous <c>Version</c> from <c>OldResourceProperties</c>. CloudFormation hands every scalar
/// property over as a string, so <c>KeepVersions</c> arrives as <c>"3"</c>.
/// </summary>
internal static class PruneProperties
{
    public static PruneRequest? Read(JsonObject? properties, JsonObject? oldProperties) =>
        Text(properties?["FunctionName"]) is { Length: > 0 } function && Keep(properties?["KeepVersions"]) is { } keep
            ? new PruneRequest(function, keep, Text(properties?["Version"]), Text(oldProperties?["Version"]), DryRun: false)
            : null;

    /// <summary>What is wrong with properties that <see cref="Read"/> refused, naming each property.</summary>
    public static string Problem(JsonObject? properties)
    {
        var problems = new List<string>();
        if (Text(properties?["FunctionName"]) is not { Length: > 0 })
        {
            problems.Add("FunctionName is missing or empty");
        }

        if (Keep(properties?["KeepVersions"]) is null)
        {
            var value = properties?["KeepVersions"] is { } given ? JsonText.ToCompact(given) : "missing";
            problems.Add($"KeepVersions must be a whole number of at least 1, not {(value.Length > 100 ? value[..100] + "..." : value)}");
        }

        return "invalid properties: " + string.Join("; ", problems);
    }

    private static int? Keep(JsonNode? node) =>
        Text(node) is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var keep) && keep >= 1 ? keep : null;

    private static string? Text(JsonNode? node) => node is JsonValue ? JsonText.ScalarText(node) : null;
}

using System.Text.Json;
using System.Text.Json.Nodes;
using MacroVersioning.Core;

namespace MacroVersioning.Cli;

/// <summary>
/// The template's <c>Transform</c> section around a local run. CloudFormation hands the macro the template
/// without <c>Transform</c> and passes the macro's output on to the transforms still to run; the CLI puts
/// the other entries back where the section was (<c>[VersioningMacro, AWS::Serverless-2016-10-31]</c> →
/// <c>AWS::Serverless-2016-10-31</c>), so the output is a template <c>sam</c> and cfn-lint can take.
/// See https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/transform-section-structure.html.
/// </summary>
internal static class TransformSection
{
    /// <summary>Names of transforms listed before the macro: CloudFormation runs them first, the CLI does not.</summary>
    public static IReadOnlyList<string> ListedBeforeMacro(JsonObject template)
    {
        var entries = template["Transform"] switch
        {
            null => [],
            JsonArray list => list.ToList(),
            var single => [single],
        };
        var macroAt = entries.FindIndex(e => Name(e) == LocalRequestBuilder.MacroName);
        return macroAt < 0 ? [] : [.. entries.Take(macroAt).Select(Name).OfType<string>()];
    }

    /// <summary>
    /// The macro's <paramref name="fragment"/> with the template's other transforms restored at the
    /// position the template had its <c>Transform</c> key. Takes ownership of <paramref name="fragment"/>.
    /// </summary>
    public static JsonObject Restore(JsonObject template, JsonObject fragment)
    {
        if (fragment.ContainsKey("Transform") || LocalRequestBuilder.RemainingTransforms(template) is not { } remaining)
        {
            return fragment;
        }

        fragment.Insert(Math.Min(template.IndexOf("Transform"), fragment.Count), "Transform", remaining);
        return fragment;
    }

    private static string? Name(JsonNode? entry) => entry switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonObject obj when obj["Name"] is JsonValue name && name.GetValueKind() == JsonValueKind.String => name.GetValue<string>(),
        _ => null,
    };
}

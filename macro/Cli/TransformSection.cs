using System.Text.Json;
using System.Text.Json.Nodes;

namespace MacroVersioning.Cli;

/// <summary>
/// The template's <c>Transform</c> section around a local run. CloudFormation hands the macro the template
/// without <c>Transform</c> and passes the macro's output on to the transforms still to run; the CLI puts
/// every other entry back, in its place and order (<c>[VersioningMacro, AWS::Serverless-2016-10-31]</c> →
/// <c>[AWS::Serverless-2016-10-31]</c>), so the output is a template <c>sam</c> and cfn-lint can take.
/// See https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/transform-section-structure.html.
/// </summary>
internal static class TransformSection
{
    /// <summary>The name the macro is deployed under (<c>macro-template.yaml</c>) and listed by in templates.</summary>
    public const string MacroName = "VersioningMacro";

    /// <summary>True when the template lists the macro (as a name or a <c>{Name, Parameters}</c> entry).</summary>
    public static bool ListsMacro(JsonObject template) => Entries(template["Transform"]).Any(IsMacro);

    /// <summary>Names of transforms listed before the macro: CloudFormation runs them first, the CLI does not.</summary>
    public static IReadOnlyList<string> ListedBeforeMacro(JsonObject template) =>
        ListsMacro(template) ? [.. Entries(template["Transform"]).TakeWhile(e => !IsMacro(e)).Select(Name).OfType<string>()] : [];

    /// <summary>
    /// The macro's <paramref name="fragment"/> with the template's other transforms restored where the
    /// template had its <c>Transform</c> key. Takes ownership of <paramref name="fragment"/>.
    /// </summary>
    public static JsonObject Restore(JsonObject template, JsonObject fragment)
    {
        var transform = template["Transform"];
        if (transform is null || fragment.ContainsKey("Transform"))
        {
            return fragment;
        }

        JsonNode? remaining = transform switch
        {
            JsonArray list => new JsonArray([.. list.Where(e => !IsMacro(e)).Select(e => e?.DeepClone())]),
            _ when IsMacro(transform) => null,
            _ => transform.DeepClone(),
        };
        if (remaining is null or JsonArray { Count: 0 })
        {
            return fragment;
        }

        var index = Math.Min(template.IndexOf("Transform"), fragment.Count);
        fragment.Insert(index, "Transform", remaining);
        return fragment;
    }

    private static IEnumerable<JsonNode?> Entries(JsonNode? transform) => transform switch
    {
        null => Array.Empty<JsonNode?>(),
        JsonArray list => list,
        _ => new[] { transform },
    };

    private static bool IsMacro(JsonNode? entry) => Name(entry) == MacroName;

    private static string? Name(JsonNode? entry) => entry switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonObject obj when obj["Name"] is JsonValue name && name.GetValueKind() == JsonValueKind.String => name.GetValue<string>(),
        _ => null,
    };
}

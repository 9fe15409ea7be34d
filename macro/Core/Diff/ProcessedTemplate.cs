using System.Text.Json.Nodes;
using MacroVersioning.Core.Functions;
using MacroVersioning.Core.Json;

namespace MacroVersioning.Core.Diff;

/// <summary>
/// Reads the versions the macro added from a template CloudFormation has already processed: what
/// <c>aws cloudformation get-template</c> returns by default (TemplateStage Processed: after every
/// transform, so SAM resources are expanded and the macro's versions are in it;
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_GetTemplate.html).
/// </summary>
public static class ProcessedTemplate
{
    private const string DescriptionPrefix = LocalRequestBuilder.MacroName + " ";

    /// <summary>True when the template no longer lists the macro but holds versions it added.</summary>
    public static bool Is(JsonObject template) =>
        !ListsMacro(template["Transform"]) && MacroVersions(template).Any();

    /// <summary>One report per function: the version the macro added for it, or none.</summary>
    public static IReadOnlyList<FunctionReport> Functions(JsonObject template)
    {
        var versions = MacroVersions(template).GroupBy(v => v.FunctionId).ToDictionary(g => g.Key, g => g.First().VersionId, StringComparer.Ordinal);
        var reports = new List<FunctionReport>();
        foreach (var (id, node) in template["Resources"] as JsonObject ?? [])
        {
            if (JsonText.ScalarText(node?["Type"]) is { } type && PropertyClassifier.IsFunctionType(type))
            {
                reports.Add(versions.TryGetValue(id, out var versionId)
                    ? new FunctionReport(id, versionId, "version read from the processed template")
                    : new FunctionReport(id, null, "no VersioningMacro version in the processed template"));
            }
        }

        return reports;
    }

    private static IEnumerable<(string FunctionId, string VersionId)> MacroVersions(JsonObject template)
    {
        foreach (var (id, node) in template["Resources"] as JsonObject ?? [])
        {
            if (node is JsonObject resource
                && JsonText.ScalarText(resource["Type"]) == "AWS::Lambda::Version"
                && resource["Properties"] is JsonObject properties
                && JsonText.ScalarText(properties["Description"]) is { } description
                && description.StartsWith(DescriptionPrefix, StringComparison.Ordinal)
                && Intrinsic.TryGet(properties["FunctionName"], out var name, out var argument)
                && name == "Ref"
                && JsonText.ScalarText(argument) is { } functionId)
            {
                yield return (functionId, id);
            }
        }
    }

    private static bool ListsMacro(JsonNode? transform) => transform switch
    {
        JsonArray list => list.Any(ListsMacro),
        JsonObject entry => JsonText.ScalarText(entry["Name"]) == LocalRequestBuilder.MacroName,
        _ => JsonText.ScalarText(transform) == LocalRequestBuilder.MacroName,
    };
}

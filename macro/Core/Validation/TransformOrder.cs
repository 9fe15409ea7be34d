using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;

namespace MacroVersioning.Core.Validation;

/// <summary>
/// The macro must run before the SAM transform: it reads SAM's Globals, CodeUri and AutoPublishAlias,
/// which SAM's expansion removes. CloudFormation runs a template's transforms in the order listed
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/transform-section-structure.html) and
/// hands a template-level macro "the entire template except for the Transform section"
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-macros-author.html).
/// So the deployed macro cannot see the Transform list: it can tell SAM ran first only from SAM's output,
/// a function carrying the <c>lambda:createdBy: SAM</c> tag that SAM reserves and puts on every function it
/// generates (samtranslator/model/__init__.py, <c>_SAM_KEY</c>). A missing SAM entry it cannot tell at
/// all (CloudFormation then rejects the AWS::Serverless types itself); the CLI, which reads the whole
/// template, checks both.
/// </summary>
internal static class TransformOrder
{
    public const string Sam = "AWS::Serverless-2016-10-31";

    private const string Fix = $"Transform: [{LocalRequestBuilder.MacroName}, {Sam}]";

    /// <summary>The whole template's Transform list against its resources (local runs only).</summary>
    public static void CheckListing(IReadOnlyList<string?> transforms, JsonObject template, List<Problem> problems)
    {
        var macroAt = transforms.ToList().IndexOf(LocalRequestBuilder.MacroName);
        var samAt = transforms.ToList().IndexOf(Sam);
        if (macroAt >= 0 && samAt >= 0 && samAt < macroAt)
        {
            problems.Add(new Problem(
                "Transform",
                $"lists {Sam} before {LocalRequestBuilder.MacroName}: CloudFormation runs transforms in the order listed, so SAM would expand the functions first (Globals, CodeUri and AutoPublishAlias gone) and the macro could not version them as written; list the macro first: {Fix}"));
        }
        else if (macroAt >= 0 && samAt < 0 && FirstSamResource(template) is { } id)
        {
            problems.Add(new Problem(
                "Transform",
                $"lists {LocalRequestBuilder.MacroName} but not {Sam}, yet Resources.{id} is a SAM resource; without the SAM transform CloudFormation rejects AWS::Serverless types. Add it after the macro: {Fix}"));
        }
    }

    /// <summary>A function SAM generated in the fragment the macro got: SAM was listed first.</summary>
    public static void CheckNotExpanded(JsonObject resources, List<Problem> problems)
    {
        var generated = resources
            .Where(r => r.Value is JsonObject resource && JsonText.ScalarText(resource["Type"]) == "AWS::Lambda::Function"
                && resource["Properties"] is JsonObject properties && CreatedBySam(properties["Tags"]))
            .Select(r => r.Key)
            .ToList();
        if (generated.Count > 0)
        {
            problems.Add(new Problem(
                "Transform",
                $"{Sam} ran before {LocalRequestBuilder.MacroName}: Resources.{string.Join(", Resources.", generated)} {(generated.Count == 1 ? "carries" : "carry")} SAM's lambda:createdBy tag, so the macro got SAM's output instead of the template; CloudFormation runs transforms in the order listed, so list the macro first: {Fix}"));
        }
    }

    private static string? FirstSamResource(JsonObject template) =>
        (template["Resources"] as JsonObject ?? [])
            .FirstOrDefault(r => r.Value is JsonObject resource
                && JsonText.ScalarText(resource["Type"])?.StartsWith("AWS::Serverless::", StringComparison.Ordinal) == true)
            .Key;

    private static bool CreatedBySam(JsonNode? tags) =>
        tags is JsonArray list
        && list.Any(t => t is JsonObject tag && JsonText.ScalarText(tag["Key"]) == "lambda:createdBy" && JsonText.ScalarText(tag["Value"]) == "SAM");
}

using System.Text.Json.Nodes;
using MacroVersioning.Core.Functions;
using MacroVersioning.Core.Json;

namespace MacroVersioning.Core.Validation;

/// <summary>
/// <c>Fn::ForEach::Name</c> entries of Resources are expanded by the <c>AWS::LanguageExtensions</c>
/// transform, and CloudFormation runs transforms in the order the template lists them
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/transform-aws-languageextensions.html).
/// A macro listed first sees the loop unexpanded, so the functions it would make get no version (and a
/// layer it would make is not hashed with the functions that use it). That is reported instead of
/// answering "versioned 1 function". Loops that make other resources, and loops in Outputs, are left to
/// that transform: nothing the macro versions depends on them being expanded first.
/// </summary>
internal static class ForEachLoops
{
    public const string Prefix = "Fn::ForEach::";

    private const int MaxNesting = 16;

    private static readonly HashSet<string> LayerTypes = ["AWS::Serverless::LayerVersion", "AWS::Lambda::LayerVersion"];

    public static void Check(JsonObject resources, List<Problem> problems)
    {
        foreach (var (key, loop) in resources)
        {
            if (key.StartsWith(Prefix, StringComparison.Ordinal) && MadeType(loop, 0) is { } type)
            {
                problems.Add(new Problem(
                    $"Resources.{key}",
                    $"makes {type} resources that VersioningMacro cannot see, because it runs before AWS::LanguageExtensions expands the loop: "
                    + "they would get no version. List AWS::LanguageExtensions before VersioningMacro so the loop is expanded first: "
                    + "Transform: [AWS::LanguageExtensions, VersioningMacro, AWS::Serverless-2016-10-31]"));
            }
        }
    }

    /// <summary>
    /// The first function or layer type the loop's template fragment (its third item) declares, nested
    /// loops included; null for anything else, a malformed loop included (AWS::LanguageExtensions reports those).
    /// </summary>
    private static string? MadeType(JsonNode? loop, int depth)
    {
        if (depth > MaxNesting || loop is not JsonArray { Count: 3 } items || items[2] is not JsonObject fragment)
        {
            return null;
        }

        foreach (var (key, value) in fragment)
        {
            var type = key.StartsWith(Prefix, StringComparison.Ordinal)
                ? MadeType(value, depth + 1)
                : JsonText.ScalarText((value as JsonObject)?["Type"]) is { } t && (PropertyClassifier.IsFunctionType(t) || LayerTypes.Contains(t)) ? t : null;
            if (type is not null)
            {
                return type;
            }
        }

        return null;
    }
}

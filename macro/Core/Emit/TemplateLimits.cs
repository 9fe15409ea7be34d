using System.Text.Json.Nodes;

namespace MacroVersioning.Core.Emit;

/// <summary>
/// CloudFormation quotas the additions could break: 500 resources and 200 outputs per template
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html).
/// Failing here names the cause; CloudFormation's own error would not mention the macro.
/// </summary>
internal static class TemplateLimits
{
    public const int MaxResources = 500;
    public const int MaxOutputs = 200;

    public static void Check(JsonObject fragment, List<Problem> problems)
    {
        if (fragment["Resources"] is JsonObject { Count: > MaxResources } resources)
        {
            problems.Add(new Problem("Resources", $"would hold {resources.Count} resources with the added versions (and version parameters and prune resources), over CloudFormation's {MaxResources}; opt some functions out (Metadata.VersioningMacro Enabled: false), set VersionParameter: false, remove KeepVersions, or split the stack"));
        }

        if (fragment["Outputs"] is JsonObject { Count: > MaxOutputs } outputs)
        {
            problems.Add(new Problem("Outputs", $"would hold {outputs.Count} outputs with the added version ARNs, over CloudFormation's {MaxOutputs}; set Outputs: false in the VersioningMacro Parameters"));
        }
    }
}

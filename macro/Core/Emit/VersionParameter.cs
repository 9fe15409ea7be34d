using System.Text.Json.Nodes;
using MacroVersioning.Core.Functions;

namespace MacroVersioning.Core.Emit;

/// <summary>
/// With <c>VersionParameter: true</c>, an <c>AWS::SSM::Parameter</c> per function holding the version ARN,
/// named <c>/VersioningMacro/${AWS::StackName}/&lt;FunctionId&gt;</c> (unique per account and Region: stack
/// names are, and logical ids are within a stack). Other stacks read it with
/// <c>{{resolve:ssm:...}}</c>, which ties nothing to this stack, so a new version never fails to update it,
/// as a changed export another stack imports would
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-importvalue.html).
/// Its logical id has no hash, so the parameter is updated in place (Value needs no replacement) rather
/// than replaced by a new resource claiming the same Name. It carries the function's Condition (the
/// version it names exists only then) and is deleted with the stack. The deployer needs ssm:PutParameter,
/// ssm:AddTagsToResource and ssm:DeleteParameter
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ssm-parameter.html).
/// </summary>
internal static class VersionParameter
{
    public const string NamePrefix = "/VersioningMacro/";

    public static string IdFor(string functionId) => $"{functionId}VersionParameter";

    public static void Add(JsonObject resources, FunctionCandidate function, string versionId, List<Problem> problems)
    {
        var id = IdFor(function.Id);
        if (!LogicalId.IsValid(id))
        {
            problems.Add(new Problem($"Resources.{function.Id}", $"the version parameter id {id} would not be a valid logical id ({LogicalId.Rule}); rename the function or set VersionParameter: false"));
            return;
        }

        if (resources.ContainsKey(id))
        {
            problems.Add(new Problem($"Resources.{id}", $"already exists; VersioningMacro adds this id for the version parameter of {function.Id} (VersionParameter: true): rename the existing resource or set VersionParameter: false"));
            return;
        }

        var parameter = new JsonObject { ["Type"] = "AWS::SSM::Parameter" };
        if (function.Resource["Condition"] is { } condition)
        {
            parameter["Condition"] = condition.DeepClone();
        }

        parameter["Properties"] = new JsonObject
        {
            ["Name"] = new JsonObject { ["Fn::Sub"] = $"{NamePrefix}${{AWS::StackName}}/{function.Id}" },
            ["Type"] = "String",
            ["Value"] = new JsonObject { ["Ref"] = versionId },
            ["Description"] = $"ARN of the {function.Id} version published by VersioningMacro",
        };
        resources[id] = parameter;
    }
}

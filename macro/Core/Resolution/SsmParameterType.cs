using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;

namespace MacroVersioning.Core.Resolution;

/// <summary>
/// Template parameters of a Systems Manager type (<c>AWS::SSM::Parameter::Value&lt;String&gt;</c> and the
/// like) take a Parameter Store key, and CloudFormation fetches the value stored under it on every
/// stack operation (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/systems-manager-parameter-types.html:
/// "Because the value of a Systems Manager parameter type is a parameter key ..."). The macro contract
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-macros-author.html) says of
/// <c>templateParameterValues</c> only that CloudFormation "evaluates" the parameters before passing
/// them; it does not say whether such a parameter arrives as its key or as the stored value. Hashing the
/// key would leave a stale version when only the stored value changes (a new layer ARN under the same
/// key), which is the one failure the macro exists to prevent, so such a parameter in version-locked
/// configuration is refused with the two ways that make the value visible to the hash.
/// (<c>AWS::SSM::Parameter::Name</c> is not one of these: its value is the name itself.)
/// </summary>
internal static class SsmParameterType
{
    private const string Prefix = "AWS::SSM::Parameter::Value<";

    /// <summary>The declared type when it is a Systems Manager value type, else null.</summary>
    public static string? Of(JsonNode? declaration) =>
        JsonText.ScalarText((declaration as JsonObject)?["Type"]) is { } type && type.StartsWith(Prefix, StringComparison.Ordinal) ? type : null;

    /// <summary>
    /// The first Systems Manager parameter a condition reads, following <c>Condition</c> references: a
    /// condition on one is undecided at macro time, and which branch Lambda gets would change with the
    /// stored value while the hash kept both branches as written. Each condition is visited once, so a
    /// chain that names the previous condition twice at every step stays linear.
    /// </summary>
    public static string? ReadBy(string condition, TemplateContext context) =>
        context.SsmTyped.Count == 0 ? null : ReadBy(context.Conditions[condition], context, new HashSet<string>(StringComparer.Ordinal) { condition }, 0);

    private static string? ReadBy(JsonNode? node, TemplateContext context, HashSet<string> visited, int depth)
    {
        if (depth > JsonText.MaxDepth)
        {
            return null;
        }

        switch (node)
        {
            case JsonObject { Count: 1 } obj when obj.TryGetPropertyValue("Ref", out var target) && JsonText.ScalarText(target) is { } name && context.SsmTyped.ContainsKey(name):
                return name;
            case JsonObject { Count: 1 } obj when obj.TryGetPropertyValue("Condition", out var target) && JsonText.ScalarText(target) is { } condition:
                return visited.Add(condition) ? ReadBy(context.Conditions[condition], context, visited, depth + 1) : null;
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    if (ReadBy(value, context, visited, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (ReadBy(item, context, visited, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    public static string Message(string parameter, string type) => $"uses {Explanation(parameter, type)}";

    /// <summary>"parameter X of type T, whose value ...": what is refused and the two ways out.</summary>
    public static string Explanation(string parameter, string type) =>
        $"parameter {parameter} of type {type}, whose value Parameter Store holds: VersioningMacro cannot see which value Lambda "
        + "will get, so a new value stored under the same key would publish no version. Pass the value in a String parameter instead "
        + $"(for example --parameter-overrides {parameter}=$(aws ssm get-parameter --name KEY --query Parameter.Value --output text)), "
        + "or use a dynamic reference with a version, {{resolve:ssm:KEY:VERSION}}, which is hashed as written";
}

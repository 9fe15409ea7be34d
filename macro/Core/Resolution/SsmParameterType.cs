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

    public static string Message(string parameter, string type) =>
        $"uses parameter {parameter} of type {type}, whose value Parameter Store holds: VersioningMacro cannot see which value Lambda "
        + "will get, so a new value stored under the same key would publish no version. Pass the value in a String parameter instead "
        + $"(for example --parameter-overrides {parameter}=$(aws ssm get-parameter --name KEY --query Parameter.Value --output text)), "
        + "or use a dynamic reference with a version, {{resolve:ssm:KEY:VERSION}}, which is hashed as written";
}

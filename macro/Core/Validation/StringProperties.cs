using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;

namespace MacroVersioning.Core.Validation;

/// <summary>
/// Function properties Lambda takes as one string
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-function.html):
/// a list or a map that is not an intrinsic would be hashed as if valid, and a Description wrapped into
/// an Fn::Join CloudFormation rejects, so it is named here. Scalars pass (CloudFormation reads
/// <c>128</c> as <c>"128"</c>), and so do intrinsics, which may give a string at deploy time.
/// </summary>
internal static class StringProperties
{
    private static readonly (string Name, string Expected)[] Checked =
    [
        ("Description", "a string"),
        ("PackageType", "Zip or Image"),
    ];

    /// <summary>Description and PackageType of a function, after Globals.</summary>
    public static void Check(JsonObject properties, string propertiesPath, List<Problem> problems)
    {
        foreach (var (name, expected) in Checked)
        {
            IsString(properties[name], $"{propertiesPath}.{name}", expected, problems);
        }
    }

    /// <returns>False, with a problem, for a list or a map that is not an intrinsic.</returns>
    public static bool IsString(JsonNode? value, string path, string expected, List<Problem> problems)
    {
        var kind = value switch
        {
            JsonArray => "a list",
            JsonObject when !Intrinsic.Is(value) => "a map",
            _ => null,
        };
        if (kind is null)
        {
            return true;
        }

        problems.Add(new Problem(path, $"must be {expected} (or an intrinsic function such as Ref or Fn::Sub that gives one), not {kind}"));
        return false;
    }
}

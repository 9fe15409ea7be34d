using MacroVersioning.Core.Json;

namespace MacroVersioning.Tests.Core;

/// <summary>
/// SAM's <c>${Func.Version}</c> and <c>${Func.Version.Version}</c> inside Fn::Sub follow the added version,
/// like <c>!Ref Func.Version</c> and <c>!GetAtt Func.Version.Version</c>; only for functions the macro versions.
/// </summary>
public sealed class VersionReferencesSubTests
{
    private const string Functions = """
        "Fn":{"Type":"AWS::Serverless::Function","Properties":{"CodeUri":"s3://b/a.zip","Handler":"a.h","Runtime":"python3.12"}},
        "Off":{"Type":"AWS::Serverless::Function","Metadata":{"VersioningMacro":{"Enabled":false}},"Properties":{"CodeUri":"s3://b/b.zip","Handler":"a.h","Runtime":"python3.12"}}
        """;

    public static TheoryData<string, string, string> Rows() => new()
    {
        { "String form, ARN", """{"Fn::Sub":"${Fn.Version}"}""", """{"Fn::Sub":"${V}"}""" },
        { "String form, version number", """{"Fn::Sub":"n=${Fn.Version.Version}"}""", """{"Fn::Sub":"n=${V.Version}"}""" },
        { "List form", """{"Fn::Sub":["${Fn.Version}/${X}",{"X":"x"}]}""", """{"Fn::Sub":["${V}/${X}",{"X":"x"}]}""" },
        { "List form variable shadows the name", """{"Fn::Sub":["${Fn.Version}",{"Fn.Version":"mine"}]}""", """{"Fn::Sub":["${Fn.Version}",{"Fn.Version":"mine"}]}""" },
        { "Variable values are rewritten like any Ref", """{"Fn::Sub":["${X}",{"X":{"Ref":"Fn.Version"}}]}""", """{"Fn::Sub":["${X}",{"X":{"Ref":"V"}}]}""" },
        { "Escaped literal kept", """{"Fn::Sub":"${!Fn.Version}"}""", """{"Fn::Sub":"${!Fn.Version}"}""" },
        { "Other attributes kept", """{"Fn::Sub":"${Fn.Arn}"}""", """{"Fn::Sub":"${Fn.Arn}"}""" },
        { "Function not versioned by the macro kept", """{"Fn::Sub":"${Off.Version}"}""", """{"Fn::Sub":"${Off.Version}"}""" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Sub_names_of_the_added_version_are_rewritten(string name, string value, string expected)
    {
        var fragment = Transform.Parse("{\"Resources\":{" + Functions + "},\"Outputs\":{\"Out\":{\"Value\":" + value + "}}}");

        var result = Transform.Run(fragment);

        result.Problems.Should().BeEmpty(name);
        var versionId = result.Functions.Single(f => f.Versioned).VersionId!;
        JsonText.ToCompact(result.Fragment!["Outputs"]!["Out"]!["Value"]).Should().Be(expected.Replace("\"V", $"\"{versionId}").Replace("${V", $"${{{versionId}"), name);
    }
}

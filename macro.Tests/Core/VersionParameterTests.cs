using MacroVersioning.Core.Json;

namespace MacroVersioning.Tests.Core;

/// <summary>
/// VersionParameter replaces ExportOutputs: an SSM parameter per function holding the version ARN, which
/// other stacks read with a dynamic reference and which a new version updates in place.
/// </summary>
public sealed class VersionParameterTests
{
    private const string Fn = """{"Type":"AWS::Serverless::Function","Properties":{"CodeUri":"s3://b/a.zip","Handler":"a.h","Runtime":"python3.12"}}""";

    [Fact]
    public void A_parameter_with_a_stable_id_holds_the_version_arn()
    {
        var result = Transform.Run(Transform.Parse("{\"Resources\":{\"Fn\":" + Fn + "}}"), macroParams: Transform.Parse("""{"VersionParameter":true}"""));

        result.Problems.Should().BeEmpty();
        var versionId = result.Functions.Single().VersionId;
        JsonText.ToCompact(result.Fragment!["Resources"]!["FnVersionParameter"]).Should().Be(
            $$$"""{"Type":"AWS::SSM::Parameter","Properties":{"Name":{"Fn::Sub":"/VersioningMacro/${AWS::StackName}/Fn"},"Type":"String","Value":{"Ref":"{{{versionId}}}"},"Description":"ARN of the Fn version published by VersioningMacro"}}""");
    }

    [Fact]
    public void Off_by_default_and_per_function()
    {
        var fragment = Transform.Parse("{\"Resources\":{\"A\":" + Fn + ",\"B\":" + Fn.Replace("{\"Type\"", "{\"Metadata\":{\"VersioningMacro\":{\"VersionParameter\":true}},\"Type\"") + "}}");

        var result = Transform.Run(fragment);

        result.Fragment!["Resources"]!.AsObject().Select(r => r.Key).Should().Contain("BVersionParameter").And.NotContain("AVersionParameter");
    }

    [Fact]
    public void An_existing_resource_with_the_id_is_a_problem()
    {
        var fragment = Transform.Parse("{\"Resources\":{\"Fn\":" + Fn + ",\"FnVersionParameter\":{\"Type\":\"AWS::SNS::Topic\"}}}");

        var result = Transform.Run(fragment, macroParams: Transform.Parse("""{"VersionParameter":true}"""));

        result.Problems.Should().ContainSingle().Which.ToString().Should().StartWith("Resources.FnVersionParameter: already exists").And.Contain("VersionParameter: false");
    }

    [Fact]
    public void Parameters_count_towards_the_500_resources()
    {
        var functions = string.Join(",", Enumerable.Range(0, 167).Select(i => $"\"Fn{i}\":" + Fn));

        var result = Transform.Run(Transform.Parse("{\"Resources\":{" + functions + "}}"), macroParams: Transform.Parse("""{"VersionParameter":true,"Outputs":false}"""));

        result.Problems.Should().ContainSingle().Which.ToString().Should().Contain("501 resources").And.Contain("VersionParameter: false");
    }

    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    public void ExportOutputs_is_refused_with_what_replaces_it(string value)
    {
        var result = Transform.Run(Transform.Parse("{\"Resources\":{\"Fn\":" + Fn + "}}"), macroParams: Transform.Parse($$"""{"ExportOutputs":{{value}}}"""));

        result.Problems.Should().ContainSingle().Which.ToString().Should()
            .StartWith("Transform.VersioningMacro.Parameters.ExportOutputs: was removed").And.Contain("VersionParameter: true").And.Contain("{{resolve:ssm:");
    }
}

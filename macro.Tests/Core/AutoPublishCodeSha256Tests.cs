using System.Text.Json.Nodes;
using static MacroVersioning.Tests.Core.HashRuleTemplates;

namespace MacroVersioning.Tests.Core;

/// <summary>
/// Functions with AutoPublishAlias: SAM publishes the version, named after the AutoPublishCodeSha256 the
/// macro sets from its usual hash. Their hash is the plain function's, row for row; what SAM puts on its
/// version resource (the user's own value, VersionDescription) is folded in on top.
/// </summary>
public sealed class AutoPublishCodeSha256Tests
{
    private static readonly string AliasTemplate = ServerlessTemplate.Replace("\"Runtime\": \"python3.12\",", "\"Runtime\": \"python3.12\", \"AutoPublishAlias\": \"live\",", StringComparison.Ordinal);

    public static TheoryData<string, string, string> HashedRows()
    {
        var rows = new TheoryData<string, string, string>();
        foreach (var row in ServerlessFunctionHashRulesTests.VersionLocked().Concat(ServerlessFunctionHashRulesTests.Unversioned()))
        {
            if (row[0] is not ("AutoPublishCodeSha256" or "VersionDescription"))
            {
                rows.Add((string)row[0], (string)row[1], (string)row[2]);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(HashedRows))]
    public void The_hash_is_the_plain_functions_hash_row_for_row(string name, string before, string after)
    {
        IdWith(AliasTemplate, before).Should().Be(IdWith(ServerlessTemplate, before), because: $"{name}: the same material as a plain function");
        IdWith(AliasTemplate, after).Should().Be(IdWith(ServerlessTemplate, after), because: $"{name}: the same material as a plain function");
    }

    [Theory]
    [InlineData("""{ "AutoPublishCodeSha256": "abc" }""", """{ "AutoPublishCodeSha256": "def" }""")]
    [InlineData("""{ "AutoPublishCodeSha256": null }""", """{ "AutoPublishCodeSha256": "abc" }""")]
    [InlineData("""{ "VersionDescription": "v1" }""", """{ "VersionDescription": "v2" }""")]
    [InlineData("""{ "VersionDescription": null }""", """{ "VersionDescription": "v1" }""")]
    public void What_SAM_puts_on_its_version_is_folded_in(string before, string after) =>
        IdWith(AliasTemplate, after).Should().NotBe(IdWith(AliasTemplate, before));

    [Fact]
    public void The_value_is_the_hash_SAM_names_its_version_after_and_nothing_else_is_added()
    {
        var result = Transform.Run(Transform.Parse(AliasTemplate), Params(), source: Source());

        var fn = result.Fragment!["Resources"]!["Fn"]!["Properties"]!.AsObject();
        var report = result.Functions.Single();
        fn["AutoPublishCodeSha256"]!.GetValue<string>().Should().MatchRegex("^[0-9a-f]{10}$");
        report.VersionId.Should().Be("FnVersion" + fn["AutoPublishCodeSha256"]!.GetValue<string>());
        fn.ContainsKey("Description").Should().BeFalse("SAM appends the value to the Description itself");
        result.Fragment["Resources"]!.AsObject().Select(r => r.Key).Should().Equal("Fn");
        result.Fragment["Outputs"]!.ToJsonString().Should().Be("""{"FnVersionArn":{"Description":"ARN of the Fn version published by VersioningMacro","Value":{"Ref":"Fn.Version"}}}""");
    }

    [Theory]
    [InlineData("""{ "AutoPublishAlias": "leave" }""", null)]
    [InlineData(null, """{ "AutoPublishAlias": "leave" }""")]
    public void Leave_keeps_the_function_SAMs_as_before(string? macroWide, string? perFunction)
    {
        var fragment = Transform.Parse(AliasTemplate);
        if (perFunction is not null)
        {
            fragment["Resources"]!["Fn"]!["Metadata"] = new JsonObject { ["VersioningMacro"] = Transform.Parse(perFunction) };
        }

        var input = fragment.ToJsonString();

        var result = Transform.Run(fragment, Params(), macroWide is null ? null : Transform.Parse(macroWide), source: Source());

        result.Problems.Should().BeEmpty();
        result.Functions.Single().Should().BeEquivalentTo(new { VersionId = (string?)null, Reason = "has AutoPublishAlias, left to SAM (VersioningMacro AutoPublishAlias: leave)" });
        result.Fragment!.ToJsonString().Should().Be(input);
    }

    [Fact]
    public void The_setting_is_strict()
    {
        var result = Transform.Run(Transform.Parse(AliasTemplate), Params(), Transform.Parse("""{ "AutoPublishAlias": "skip" }"""), source: Source());

        result.Problems.Select(p => p.ToString()).Should().Equal("Transform.VersioningMacro.Parameters.AutoPublishAlias: must be one of hash, leave, not \"skip\"");
    }

    [Fact]
    public void Outputs_and_the_version_parameter_follow_the_function_settings_and_condition()
    {
        var fragment = Transform.Parse(AliasTemplate);
        fragment["Resources"]!["Fn"]!["Condition"] = "IsProd";
        fragment["Conditions"] = Transform.Parse("""{ "IsProd": { "Fn::Equals": [{ "Ref": "Stage" }, "prod"] } }""");
        var shared = Transform.Run(fragment.DeepClone().AsObject(), Params(), Transform.Parse("""{ "VersionParameter": true }"""), source: Source());
        var none = Transform.Run(fragment, Params(), Transform.Parse("""{ "Outputs": false }"""), source: Source());

        shared.Fragment!["Outputs"]!["FnVersionArn"]!.ToJsonString().Should().Be(
            """{"Description":"ARN of the Fn version published by VersioningMacro","Condition":"IsProd","Value":{"Ref":"Fn.Version"}}""");
        shared.Fragment["Resources"]!["FnVersionParameter"]!.ToJsonString().Should().Be(
            """{"Type":"AWS::SSM::Parameter","Condition":"IsProd","Properties":{"Name":{"Fn::Sub":"/VersioningMacro/${AWS::StackName}/Fn"},"Type":"String","Value":{"Ref":"Fn.Version"},"Description":"ARN of the Fn version published by VersioningMacro"}}""");
        none.Fragment!.AsObject().ContainsKey("Outputs").Should().BeFalse();
        none.Fragment["Resources"]!["Fn"]!["Properties"]!["AutoPublishCodeSha256"].Should().NotBeNull();
    }

    [Fact]
    public void A_function_written_entirely_in_Globals_gets_properties()
    {
        var fragment = Transform.Parse("""
            {
              "Globals": { "Function": { "CodeUri": "s3://bucket/app.zip", "Handler": "app.handler", "Runtime": "python3.12", "AutoPublishAlias": "live" } },
              "Resources": { "Fn": { "Type": "AWS::Serverless::Function" } }
            }
            """);

        var result = Transform.Run(fragment, source: Source());

        result.Fragment!["Resources"]!["Fn"]!.ToJsonString().Should().MatchRegex("""^\{"Type":"AWS::Serverless::Function","Properties":\{"AutoPublishCodeSha256":"([0-9a-f]{10})","VersionDescription":"VersioningMacro \1: code SHA-256; Handler, Runtime"\}\}$""");
    }

    [Fact]
    public void A_users_own_VersionDescription_stays_as_written()
    {
        var fragment = Transform.Parse("""
            {
              "Resources": { "Fn": { "Type": "AWS::Serverless::Function", "Properties": {
                "CodeUri": "s3://bucket/app.zip", "Handler": "app.handler", "Runtime": "python3.12", "AutoPublishAlias": "live", "VersionDescription": "release 7" } } }
            }
            """);

        var result = Transform.Run(fragment, source: Source());

        result.Fragment!["Resources"]!["Fn"]!["Properties"]!["VersionDescription"]!.GetValue<string>().Should().Be("release 7");
    }

    [Theory]
    [InlineData("""{ "Description": "DESC" }""", "Resources.Fn.Properties.Description: is 246 characters; SAM appends \" ")]
    [InlineData("""{ "Description": { "Ref": "Secret" } }""", "Resources.Fn.Properties.Description: uses a NoEcho parameter")]
    [InlineData("""{ "Description": { "Fn::Sub": "orders ${Secret}" } }""", "Resources.Fn.Properties.Description: uses a NoEcho parameter")]
    [InlineData("""{ "AutoPublishCodeSha256": { "Fn::GetAtt": ["Other", "Arn"] } }""", "Resources.Fn.Properties.AutoPublishCodeSha256: must be a string or a Ref to a template parameter")]
    public void What_SAM_would_turn_into_a_bad_function_is_a_problem(string change, string expected)
    {
        var fragment = Transform.Parse(AliasTemplate.Replace("\"Unused\": { \"Type\": \"String\" }", "\"Unused\": { \"Type\": \"String\" }, \"Secret\": { \"Type\": \"String\", \"NoEcho\": true }", StringComparison.Ordinal));
        var properties = fragment["Resources"]!["Fn"]!["Properties"]!.AsObject();
        foreach (var (name, value) in Transform.Parse(change.Replace("DESC", new string('d', 246), StringComparison.Ordinal)))
        {
            properties[name] = value!.DeepClone();
        }

        var parameters = Params();
        parameters["Secret"] = "hunter2-secret";
        var result = Transform.Run(fragment, parameters, hashKey: "key", source: Source());

        result.Problems.Select(p => p.ToString()).Should().ContainSingle().Which.Should().StartWith(expected);
        result.Problems.Single().ToString().Should().NotContain("hunter2-secret");
    }

    [Fact]
    public void A_description_that_fits_with_the_value_is_accepted()
    {
        var fragment = Transform.Parse(AliasTemplate);
        fragment["Resources"]!["Fn"]!["Properties"]!["Description"] = new string('d', 245);

        Transform.Run(fragment, Params(), source: Source()).Problems.Should().BeEmpty("245 + a space + 10 characters is Lambda's 256");
    }

    [Fact]
    public void On_a_plain_Lambda_function_AutoPublishAlias_is_an_unknown_property()
    {
        var fragment = Transform.Parse(LambdaTemplate);
        fragment["Resources"]!["Fn"]!["Properties"]!["AutoPublishAlias"] = "live";

        Transform.Run(fragment, Params(), source: Source()).Problems.Select(p => p.Path).Should().Equal("Resources.Fn.Properties.AutoPublishAlias");
    }
}

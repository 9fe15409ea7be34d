using System.Text.Json.Nodes;

namespace MacroVersioning.Tests.Core;

/// <summary>
/// A Systems Manager parameter type in version-locked configuration is refused: the macro cannot see the
/// value Parameter Store holds, and hashing the key would leave a stale version when only the value changes.
/// </summary>
public sealed class SsmParameterTypeTests
{
    private const string Parameters = """
        "Parameters":{
          "LayerArn":{"Type":"AWS::SSM::Parameter::Value<String>","Default":"/shared/layer"},
          "Subnets":{"Type":"AWS::SSM::Parameter::Value<List<AWS::EC2::Subnet::Id>>","Default":"/shared/subnets"},
          "KeyName":{"Type":"AWS::SSM::Parameter::Name","Default":"/shared/key"},
          "Stage":{"Type":"String","Default":"prod"}
        }
        """;

    public static TheoryData<string, string, string?> Rows() => new()
    {
        { "Ref in Layers", """ "Layers":[{"Ref":"LayerArn"}]""", "Resources.Fn.Properties.Layers[0]" },
        { "Fn::Sub in Environment", """ "Environment":{"Variables":{"L":{"Fn::Sub":"layer=${LayerArn}"}}}""", "Resources.Fn.Properties.Environment.Variables.L" },
        { "List type in VpcConfig", """ "VpcConfig":{"SubnetIds":{"Ref":"Subnets"},"SecurityGroupIds":["sg-1"]}""", "Resources.Fn.Properties.VpcConfig.SubnetIds" },
        { "Not hashed (Tags): nothing to refuse", """ "Tags":{"layer":{"Ref":"LayerArn"}}""", null },
        { "AWS::SSM::Parameter::Name: its value is the name", """ "Environment":{"Variables":{"K":{"Ref":"KeyName"}}}""", null },
        { "A plain String parameter", """ "Environment":{"Variables":{"S":{"Ref":"Stage"}}}""", null },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_Systems_Manager_value_in_hashed_configuration_is_refused_with_the_alternatives(string name, string property, string? path)
    {
        var result = Transform.Run(Template(property), Values());

        if (path is null)
        {
            result.Succeeded.Should().BeTrue($"{name}: {string.Join("; ", result.Problems)}");
            return;
        }

        var problem = result.Problems.Should().ContainSingle(name).Subject;
        problem.Path.Should().Be(path);
        problem.Message.Should().Contain("AWS::SSM::Parameter::Value<").And.Contain("String parameter").And.Contain("{{resolve:ssm:KEY:VERSION}}");
    }

    [Fact]
    public void A_condition_on_one_is_refused_where_it_picks_hashed_configuration()
    {
        var template = Template(""" "MemorySize":{"Fn::If":["Big",1024,128]}""");
        template["Conditions"] = Transform.Parse("""{"Big":{"Fn::Not":[{"Condition":"Small"}]},"Small":{"Fn::Equals":[{"Ref":"LayerArn"},"x"]}}""");

        var result = Transform.Run(template, Values());

        result.Problems.Should().ContainSingle().Which.ToString().Should()
            .StartWith("Resources.Fn.Properties.MemorySize: uses condition Big, which reads parameter LayerArn of type AWS::SSM::Parameter::Value<String>");
    }

    [Fact]
    public void A_chain_of_conditions_that_doubles_at_every_step_is_searched_once_per_condition()
    {
        var conditions = new JsonObject { ["C0"] = Transform.Parse("""{"Fn::Equals":[{"Ref":"LayerArn"},"x"]}""") };
        for (var i = 1; i <= 60; i++)
        {
            conditions[$"C{i}"] = Transform.Parse($$"""{"Fn::And":[{"Condition":"C{{i - 1}}"},{"Condition":"C{{i - 1}}"}]}""");
        }

        var template = Template(""" "MemorySize":{"Fn::If":["C60",1024,128]}""");
        template["Conditions"] = conditions;

        var result = Transform.Run(template, Values());

        result.Problems.Should().Contain(p => p.Message.StartsWith("uses condition C60, which reads parameter LayerArn", StringComparison.Ordinal));
    }

    [Fact]
    public void The_parameter_Name_type_is_hashed_by_its_value_like_a_String()
    {
        var property = """ "Environment":{"Variables":{"K":{"Ref":"KeyName"}}}""";

        var first = Transform.VersionId(Template(property), Values());
        var second = Transform.VersionId(Template(property), Values(key: "/other/key"));

        second.Should().NotBe(first);
    }

    private static JsonObject Template(string property) => Transform.Parse(
        "{" + Parameters + ",\"Resources\":{\"Fn\":{\"Type\":\"AWS::Serverless::Function\",\"Properties\":{\"CodeUri\":\"s3://b/a.zip\",\"Handler\":\"a.h\",\"Runtime\":\"python3.12\"," + property + "}}}}");

    private static JsonObject Values(string key = "/shared/key") => new()
    {
        ["LayerArn"] = "/shared/layer",
        ["Subnets"] = new JsonArray("/shared/subnets"),
        ["KeyName"] = key,
        ["Stage"] = "prod",
    };
}

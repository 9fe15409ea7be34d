using System.Text;
using System.Text.Json.Nodes;
using MacroVersioning.Core;
using MacroVersioning.Core.Json;
using MacroVersioning.Core.Resolution;

namespace MacroVersioning.Tests.Core;

public sealed class IntrinsicResolverTests
{
    private const string Fragment = """
        {
          "Parameters": { "Stage": {}, "Secret": { "NoEcho": true }, "Subnets": {} },
          "Conditions": { "IsProd": { "Fn::Equals": [{ "Ref": "Stage" }, "prod"] }, "Unknown": { "Fn::Equals": [{ "Ref": "AWS::StackName" }, "x"] } },
          "Mappings": { "M": { "prod": { "Size": 512 }, "loop": { "Size": { "Fn::FindInMap": ["M", "loop", "Size"] } } } },
          "Resources": { "Table": { "Type": "AWS::DynamoDB::Table" } }
        }
        """;

    public static TheoryData<string, string, string> Rows() => new()
    {
        { "Ref parameter", """{"Ref":"Stage"}""", "\"prod\"" },
        { "Ref list parameter", """{"Ref":"Subnets"}""", """["a","b"]""" },
        { "Ref pseudo", """{"Ref":"AWS::Region"}""", "\"eu-west-1\"" },
        { "Partition follows region", """{"Ref":"AWS::Partition"}""", "\"aws\"" },
        { "Ref resource kept", """{"Ref":"Table"}""", """{"Ref":"Table"}""" },
        { "StackName unknown at macro time", """{"Ref":"AWS::StackName"}""", """{"Ref":"AWS::StackName"}""" },
        { "Sub fully known", """{"Fn::Sub":"x-${Stage}-${AWS::AccountId}"}""", "\"x-prod-111122223333\"" },
        { "Sub partly known", """{"Fn::Sub":"${Table.Arn}/${Stage}"}""", """{"Fn::Sub":"${Table.Arn}/prod"}""" },
        { "Sub escaped literal kept", """{"Fn::Sub":"${!Literal}-${Stage}"}""", """{"Fn::Sub":"${!Literal}-prod"}""" },
        { "Sub variable map", """{"Fn::Sub":["${A}-${B}",{"A":{"Ref":"Stage"},"B":{"Fn::GetAtt":["Table","Arn"]}}]}""", """{"Fn::Sub":["prod-${B}",{"B":{"Fn::GetAtt":["Table","Arn"]}}]}""" },
        { "If on known condition", """{"Fn::If":["IsProd","big","small"]}""", "\"big\"" },
        { "If on unknown condition kept", """{"Fn::If":["Unknown",{"Ref":"Stage"},"small"]}""", """{"Fn::If":["Unknown","prod","small"]}""" },
        { "NoValue removes the key", """{"A":1,"B":{"Ref":"AWS::NoValue"}}""", """{"A":1}""" },
        { "NoValue as a whole argument kept", """{"Fn::Base64":{"Ref":"AWS::NoValue"}}""", """{"Fn::Base64":{"Ref":"AWS::NoValue"}}""" },
        { "NoValue from If as a whole argument kept", """{"Fn::Base64":{"Fn::If":["IsProd",{"Ref":"AWS::NoValue"},"x"]}}""", """{"Fn::Base64":{"Fn::If":["IsProd",{"Ref":"AWS::NoValue"},"x"]}}""" },
        { "FindInMap", """{"Fn::FindInMap":["M",{"Ref":"Stage"},"Size"]}""", "512" },
        { "FindInMap value taken as written", """{"Fn::FindInMap":["M","loop","Size"]}""", """{"Fn::FindInMap":["M","loop","Size"]}""" },
        { "Join", """{"Fn::Join":["-",[{"Ref":"Stage"},"x"]]}""", "\"prod-x\"" },
        { "Join over list parameter", """{"Fn::Join":[",",{"Ref":"Subnets"}]}""", "\"a,b\"" },
        { "Select over Split", """{"Fn::Select":[1,{"Fn::Split":[",","p,q"]}]}""", "\"q\"" },
        { "GetAtt kept", """{"Fn::GetAtt":["Table","Arn"]}""", """{"Fn::GetAtt":["Table","Arn"]}""" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Resolves_what_is_known_at_macro_time(string name, string input, string expected)
    {
        var problems = new List<Problem>();

        var resolved = Resolver("key").ResolveForHash(JsonText.Parse(input), "X", problems);

        JsonText.ToCompact(resolved).Should().Be(expected, because: name);
        problems.Should().BeEmpty();
    }

    [Fact]
    public void NoEcho_values_enter_only_as_a_keyed_digest()
    {
        var resolved = Resolver("key").ResolveForHash(JsonText.Parse("""{"Fn::Sub":"k=${Secret}"}"""), "X", []);

        JsonText.ToCompact(resolved).Should().NotContain("s3cr3t").And.Contain("noecho:");
    }

    [Fact]
    public void NoEcho_without_a_key_is_a_problem_naming_the_path()
    {
        var problems = new List<Problem>();

        Resolver(null).ResolveForHash(JsonText.Parse("""{"Variables":{"T":{"Ref":"Secret"}}}"""), "Resources.F.Properties.Environment", problems);

        problems.Should().ContainSingle().Which.Path.Should().Be("Resources.F.Properties.Environment.Variables.T");
    }

    [Fact]
    public void NoValue_under_an_intrinsic_can_be_resolved_again()
    {
        var resolver = Resolver("key");
        var input = JsonText.Parse("""{"Fn::Base64":{"Ref":"AWS::NoValue"}}""");

        var first = resolver.ResolveForHash(input, "X", []);
        var second = resolver.ResolveForHash(input, "Y", []);

        JsonText.ToCompact(second).Should().Be(JsonText.ToCompact(first));
    }

    [Fact]
    public void Does_not_modify_its_input()
    {
        var input = JsonText.Parse("""{"A":{"Ref":"Stage"}}""");

        Resolver("key").ResolveForHash(input, "X", []);

        JsonText.ToCompact(input).Should().Be("""{"A":{"Ref":"Stage"}}""");
    }

    private static IntrinsicResolver Resolver(string? key)
    {
        var values = new JsonObject { ["Stage"] = "prod", ["Secret"] = "s3cr3t", ["Subnets"] = new JsonArray("a", "b") };
        return new IntrinsicResolver(new TemplateContext(Transform.Parse(Fragment), values, "eu-west-1", "111122223333", key is null ? null : Encoding.UTF8.GetBytes(key)));
    }
}

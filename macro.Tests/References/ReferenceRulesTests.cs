using System.Text.Json.Nodes;
using MacroVersioning.Core.References;
using MacroVersioning.Tests.Core;
using static MacroVersioning.Tests.References.ReferenceTemplates;

namespace MacroVersioning.Tests.References;

/// <summary>
/// The reference rule beyond one resource: chains of references, cycles, Globals, the implicit role,
/// NoEcho values inside a referenced resource, and what the summary says.
/// </summary>
public sealed class ReferenceRulesTests
{
    private const string SubnetInVpc = """{ "Type": "AWS::EC2::Subnet", "Properties": { "VpcId": { "Ref": "Vpc" }, "CidrBlock": "10.0.0.0/24" } }""";
    private const string InSubnet = """{ "VpcConfig": { "SubnetIds": [{ "Ref": "R" }], "SecurityGroupIds": ["sg-1"] } }""";
    private const string Vpc = """{ "Vpc": { "Type": "AWS::EC2::VPC", "Properties": { "CidrBlock": "10.0.0.0/16" } } }""";

    [Fact]
    public void Replacing_a_resource_behind_a_create_only_reference_re_ids_transitively()
    {
        var before = Template(SubnetInVpc, InSubnet, Vpc);

        Ids(Changed(before, "Vpc", """{ "CidrBlock": "10.1.0.0/16" }"""))["User"].Should().NotBe(Ids(before)["User"], because: "a new VPC replaces the subnet");
        Ids(Changed(before, "Vpc", """{ "EnableDnsHostnames": true, "Tags": [{ "Key": "a", "Value": "b" }] }"""))["User"].Should().Be(Ids(before)["User"]);
    }

    [Fact]
    public void A_reference_cycle_is_no_error_and_each_resource_counts_once()
    {
        var cycle = """
            {
              "A": { "Type": "Custom::A", "Properties": { "ServiceToken": "arn:aws:lambda:us-east-1:123456789012:function:p", "Peer": { "Ref": "B" } } },
              "B": { "Type": "Custom::B", "Properties": { "ServiceToken": "arn:aws:lambda:us-east-1:123456789012:function:p", "Peer": { "Ref": "A" }, "Size": "s" } }
            }
            """;
        var before = Template("""{ "Type": "AWS::SNS::Topic" }""", """{ "Environment": { "Variables": { "A": { "Ref": "A" } } } }""", cycle);

        var result = Transform.Run(before);

        result.Problems.Should().BeEmpty();
        Ids(Changed(before, "B", """{ "Size": "m" }"""))["User"].Should().NotBe(Ids(before)["User"], because: "B is reached through A");
    }

    [Fact]
    public void A_chain_longer_than_the_depth_cap_is_cut_without_an_error()
    {
        var chain = new JsonObject();
        for (var i = 0; i <= ReferenceCollector.MaxDepth + 1; i++)
        {
            chain[$"C{i}"] = Transform.Parse($$"""{ "Type": "Custom::Link", "Properties": { "ServiceToken": "arn:aws:lambda:us-east-1:123456789012:function:p", "Next": { "Ref": "C{{i + 1}}" }, "Size": "s" } }""");
        }

        var before = Template("""{ "Type": "AWS::SNS::Topic" }""", """{ "Environment": { "Variables": { "HEAD": { "Ref": "C0" } } } }""", chain.ToJsonString());
        var idBefore = Ids(before)["User"];

        Ids(Changed(before, $"C{ReferenceCollector.MaxDepth - 1}", """{ "Size": "m" }"""))["User"].Should().NotBe(idBefore);
        Ids(Changed(before, $"C{ReferenceCollector.MaxDepth + 1}", """{ "Size": "m" }"""))["User"].Should().Be(idBefore, because: "the chain is cut at the cap");
    }

    [Fact]
    public void A_reference_in_Globals_reaches_every_SAM_function()
    {
        var before = Template("""{ "Type": "AWS::DynamoDB::Table", "Properties": { "TableName": "orders" } }""", "{}");
        before["Globals"] = Transform.Parse("""{ "Function": { "Environment": { "Variables": { "TABLE": { "Ref": "R" } } } } }""");

        var after = Ids(Changed(before, "R", """{ "TableName": "orders-v2" }"""));

        after["User"].Should().NotBe(Ids(before)["User"]);
        after["Bystander"].Should().NotBe(Ids(before)["Bystander"]);
    }

    [Fact]
    public void RolePath_re_ids_a_SAM_function_whose_role_SAM_generates_and_no_other()
    {
        var template = Template("""{ "Type": "AWS::SNS::Topic" }""", "{}");
        var implicitRole = (JsonObject)template["Resources"]!["User"]!["Properties"]!;
        implicitRole.Remove("Role");
        var before = Ids(template);

        implicitRole["RolePath"] = "/app/";
        ((JsonObject)template["Resources"]!["Bystander"]!["Properties"]!)["RolePath"] = "/app/";
        var after = Ids(template);

        after["User"].Should().NotBe(before["User"], because: "RolePath is the Path of the role SAM generates for User: a new role ARN");
        after["Bystander"].Should().Be(before["Bystander"], because: "Bystander has its own Role, so RolePath does nothing");
    }

    [Fact]
    public void A_NoEcho_value_in_a_referenced_resource_enters_keyed_and_never_shows()
    {
        var template = Template("""{ "Type": "AWS::DynamoDB::Table", "Properties": { "TableName": { "Ref": "TableName" } } }""", """{ "Environment": { "Variables": { "T": { "Ref": "R" } } } }""");
        template["Parameters"]!["TableName"]!["NoEcho"] = true;
        var parameters = new JsonObject { ["TableName"] = "secret-table-name" };

        var unkeyed = Transform.Run(template, parameters);
        var keyed = Transform.Run(template, parameters, hashKey: "key-0123456789abcdef");

        unkeyed.Problems.Should().ContainSingle().Which.Path.Should().Be("Resources.R.Properties.TableName");
        keyed.Problems.Should().BeEmpty();
        string.Join("\n", keyed.Functions.Select(f => f.Reason)).Should().NotContain("secret-table-name");
        keyed.Fragment!.ToJsonString().Should().NotContain("secret-table-name");
    }

    [Fact]
    public void The_summary_and_the_version_description_name_what_each_reference_contributed()
    {
        var template = Template(
            """{ "Type": "AWS::DynamoDB::Table", "Properties": { "TableName": "orders" } }""",
            """{ "Environment": { "Variables": { "T": { "Ref": "R" }, "S": { "Fn::GetAtt": ["R", "StreamArn"] }, "P": { "Fn::GetAtt": ["P", "Value"] } } } }""",
            """{ "P": { "Type": "AWS::SSM::Parameter", "Properties": { "Type": "String", "Value": "v" } } }""");

        var result = Transform.Run(template, new JsonObject { ["TableName"] = "orders" });
        var user = result.Functions.Single(f => f.FunctionId == "User");

        user.Reason.Should().EndWith("referenced: P (properties), R (properties)");
        result.Fragment!["Resources"]![user.VersionId!]!["Properties"]!["Description"]!.GetValue<string>().Should().EndWith("referenced: P (properties), R (properties)");
        result.Functions.Single(f => f.FunctionId == "Bystander").Reason.Should().NotContain("referenced");
    }
}

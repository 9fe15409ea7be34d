using MacroVersioning.Core.References;
using MacroVersioning.Tests.Golden;
using MacroVersioning.Tests.Tools;

namespace MacroVersioning.Tests.References;

/// <summary>
/// The create-only table is data generated from cfn-lint's resource provider schemas: the committed
/// file must be exactly what the script makes of them, and the embedded copy must read as the rows the
/// reference rule depends on.
/// </summary>
public sealed class ResourceIdentityTableTests
{
    [Fact]
    public async Task Committed_table_is_what_the_script_generates_from_the_schemas()
    {
        var outcome = await ExternalProcess.RunAsync(
            "python3", ["scripts/resource-identity.py", "--check"], RepoPaths.Root, new Dictionary<string, string?>(), TimeSpan.FromMinutes(2));

        outcome.ExitCode.Should().Be(0, because: $"the table must be regenerated, not edited: {outcome.StandardError}");
    }

    public static TheoryData<string, string[]> CreateOnlyRows() => new()
    {
        { "AWS::DynamoDB::Table", ["ImportSourceSpecification", "KeySchema", "TableName"] },
        { "AWS::IAM::Role", ["Path", "RoleName"] },
        { "AWS::SQS::Queue", ["FifoQueue", "QueueName"] },
        { "AWS::EC2::SecurityGroup", ["GroupDescription", "GroupName", "VpcId"] },
        { "AWS::Logs::LogGroup", ["LogGroupName"] },
        { "AWS::Serverless::SimpleTable", ["PrimaryKey", "TableName"] },
        { "AWS::Serverless::StateMachine", ["Name", "Type"] },
        { "AWS::Serverless::Function", ["DurableConfig", "FunctionName", "PackageType", "TenancyConfig"] },
        { "AWS::ApiGateway::RestApi", [] },
    };

    [Theory]
    [MemberData(nameof(CreateOnlyRows))]
    public void Embedded_table_lists_the_create_only_properties(string type, string[] properties)
    {
        var identity = ResourceIdentityTable.Find(type);

        identity.Should().NotBeNull();
        identity!.CreateOnly.Select(path => string.Join('/', path)).Should().Equal(properties);
    }

    [Fact]
    public void Nested_create_only_paths_keep_their_levels_and_drop_what_a_whole_property_covers()
    {
        var accessPoint = ResourceIdentityTable.Find("AWS::EFS::AccessPoint")!;

        accessPoint.CreateOnly.Select(path => string.Join('/', path)).Should().Contain(["PosixUser", "RootDirectory"])
            .And.NotContain("PosixUser/Uid");
    }

    public static TheoryData<string, string, bool> Attributes() => new()
    {
        { "AWS::IAM::Role", "Arn", true },
        { "AWS::IAM::Role", "RoleId", true },
        { "AWS::EC2::SecurityGroup", "GroupId", true },
        { "AWS::SQS::Queue", "QueueName", true },
        { "AWS::SQS::Queue", "QueueUrl", true },
        { "AWS::Kinesis::Stream", "Arn", true },
        { "AWS::DynamoDB::Table", "StreamArn", false },
        { "AWS::SSM::Parameter", "Value", false },
        { "AWS::Serverless::StateMachine", "Name", true },
    };

    [Theory]
    [MemberData(nameof(Attributes))]
    public void Identifying_attributes_change_only_with_replacement(string type, string attribute, bool identifying) =>
        ResourceIdentityTable.Find(type)!.Identifies(attribute).Should().Be(identifying);

    [Theory]
    [InlineData("Custom::Thing")]
    [InlineData("AWS::CloudFormation::CustomResource")]
    [InlineData("AWS::Serverless::Application")]
    [InlineData("AWS::Serverless::LayerVersion")]
    public void Types_the_table_does_not_know_are_absent(string type) =>
        ResourceIdentityTable.Find(type).Should().BeNull(because: "all properties of an unknown type are hashed");

    [Fact]
    public void Malformed_row_is_rejected_with_the_line()
    {
        var parse = () => ResourceIdentityTable.Parse(new StringReader("AWS::X::\nY\tonly-two-columns\n"));

        parse.Should().Throw<InvalidDataException>().WithMessage("*only-two-columns*");
    }
}

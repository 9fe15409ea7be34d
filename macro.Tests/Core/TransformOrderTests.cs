using System.Text.Json.Nodes;
using MacroVersioning.Core;

namespace MacroVersioning.Tests.Core;

/// <summary>The macro runs before SAM: the CLI checks the Transform list, the Lambda checks for SAM's output.</summary>
public sealed class TransformOrderTests
{
    private const string SamFunction = """{"Type": "AWS::Serverless::Function", "Properties": {"CodeUri": "s3://b/k.zip", "Handler": "index.handler", "Runtime": "python3.12"}}""";

    public static readonly TheoryData<string, string, string?> Listings = new()
    {
        { "macro then SAM", """["VersioningMacro", "AWS::Serverless-2016-10-31"]""", null },
        { "language extensions, macro, SAM", """["AWS::LanguageExtensions", {"Name": "VersioningMacro"}, "AWS::Serverless-2016-10-31"]""", null },
        {
            "SAM before the macro", """["AWS::Serverless-2016-10-31", "VersioningMacro"]""",
            "Transform: lists AWS::Serverless-2016-10-31 before VersioningMacro: CloudFormation runs transforms in the order listed, so SAM would expand the functions first (Globals, CodeUri and AutoPublishAlias gone) and the macro could not version them as written; list the macro first: Transform: [VersioningMacro, AWS::Serverless-2016-10-31]"
        },
        {
            "SAM resources without SAM", "\"VersioningMacro\"",
            "Transform: lists VersioningMacro but not AWS::Serverless-2016-10-31, yet Resources.Fn is a SAM resource; without the SAM transform CloudFormation rejects AWS::Serverless types. Add it after the macro: Transform: [VersioningMacro, AWS::Serverless-2016-10-31]"
        },
    };

    [Theory]
    [MemberData(nameof(Listings))]
    public void Checks_the_transform_list_of_a_local_template(string name, string transform, string? expected)
    {
        var template = Transform.Parse($$$"""{"Transform": {{{transform}}}, "Resources": {"Fn": {{{SamFunction}}}}}""");

        var (request, problems) = LocalRequestBuilder.Build(template, new Dictionary<string, string>(), "us-east-1", "123456789012");

        problems.Select(p => p.ToString()).Should().Equal(expected is null ? [] : [expected], name);
        (request is null).Should().Be(expected is not null, name);
    }

    [Fact]
    public void Plain_lambda_functions_need_no_sam()
    {
        var template = Transform.Parse("""{"Transform": "VersioningMacro", "Resources": {"Fn": {"Type": "AWS::Lambda::Function", "Properties": {}}}}""");

        LocalRequestBuilder.Build(template, new Dictionary<string, string>(), "us-east-1", "123456789012").Problems.Should().BeEmpty();
    }

    [Fact]
    public void The_lambda_refuses_a_template_sam_already_expanded()
    {
        // What SAM translator 1.110.0 makes of SamFunction: the tag it reserves comes first.
        var fragment = Transform.Parse(
            """
            {
              "Resources": {
                "Fn": {"Type": "AWS::Lambda::Function", "Properties": {"Code": {"S3Bucket": "b", "S3Key": "k.zip"}, "Handler": "index.handler",
                  "Role": {"Fn::GetAtt": ["FnRole", "Arn"]}, "Runtime": "python3.12", "Tags": [{"Key": "lambda:createdBy", "Value": "SAM"}]}},
                "FnRole": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {}}}
              }
            }
            """);

        var result = Transform.Run(fragment);

        result.Fragment.Should().BeNull();
        result.Problems.Should().ContainSingle(p => p.Path == "Transform").Which.Message.Should().Be(
            "AWS::Serverless-2016-10-31 ran before VersioningMacro: Resources.Fn carries SAM's lambda:createdBy tag, so the macro got SAM's output instead of the template; CloudFormation runs transforms in the order listed, so list the macro first: Transform: [VersioningMacro, AWS::Serverless-2016-10-31]");
    }

    [Fact]
    public void A_lambda_function_with_other_tags_is_the_authors()
    {
        var fragment = Transform.Parse(
            """{"Resources": {"Fn": {"Type": "AWS::Lambda::Function", "Properties": {"Code": {"ZipFile": "x"}, "Handler": "index.handler", "Role": "arn:aws:iam::123456789012:role/r", "Runtime": "python3.12", "Tags": [{"Key": "team", "Value": "SAM"}]}}}}""");

        Transform.Run(fragment).Problems.Should().BeEmpty();
    }
}

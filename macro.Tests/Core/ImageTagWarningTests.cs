using System.Text.Json.Nodes;

namespace MacroVersioning.Tests.Core;

/// <summary>An image named by tag deploys, but the version is whatever the tag points at: a warning, not a problem.</summary>
public sealed class ImageTagWarningTests
{
    private const string Repository = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app";

    private const string Digest = "sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";

    private const string Warning =
        "names the image by tag, not digest: the version gets whatever image the tag points at when the function is updated, and a tag moved to a new image changes neither the template nor the version id; pin it as repository@sha256:<digest> for a version per image";

    public static readonly TheoryData<string, string, string?> Rows = new()
    {
        { "SAM image by tag", $$$"""{"Type": "AWS::Serverless::Function", "Properties": {"PackageType": "Image", "ImageUri": "{{{Repository}}}:latest"}}""", $"Resources.Fn.Properties.ImageUri {Warning}" },
        { "SAM image by digest", $$$"""{"Type": "AWS::Serverless::Function", "Properties": {"PackageType": "Image", "ImageUri": "{{{Repository}}}@{{{Digest}}}"}}""", null },
        { "Lambda image by tag", $$$$"""{"Type": "AWS::Lambda::Function", "Properties": {"PackageType": "Image", "Role": "arn:aws:iam::123456789012:role/r", "Code": {"ImageUri": "{{{{Repository}}}}:v1"}}}""", $"Resources.Fn.Properties.Code.ImageUri {Warning}" },
        { "tag from a parameter", """{"Type": "AWS::Serverless::Function", "Properties": {"PackageType": "Image", "ImageUri": {"Fn::Sub": "${Repo}:${Tag}"}}}""", $"Resources.Fn.Properties.ImageUri {Warning}" },
        { "zip code", """{"Type": "AWS::Serverless::Function", "Properties": {"InlineCode": "x", "Handler": "index.handler", "Runtime": "python3.12"}}""", null },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Warns_of_an_image_named_by_tag_without_failing(string name, string function, string? expected)
    {
        var fragment = Transform.Parse($$$"""{"Parameters": {"Repo": {"Type": "String"}, "Tag": {"Type": "String"}}, "Resources": {"Fn": {{{function}}}}}""");
        var values = new JsonObject { ["Repo"] = Repository, ["Tag"] = "v2" };

        var result = Transform.Run(fragment, values);

        result.Succeeded.Should().BeTrue(name);
        result.Functions.Should().ContainSingle().Which.Warnings.Should().Equal(expected is null ? [] : [expected], name);
    }

    [Fact]
    public void A_noecho_part_is_never_shown_or_judged()
    {
        var fragment = Transform.Parse(
            """{"Parameters": {"Image": {"Type": "String", "NoEcho": true}}, "Resources": {"Fn": {"Type": "AWS::Serverless::Function", "Properties": {"PackageType": "Image", "ImageUri": {"Ref": "Image"}}}}}""");

        var result = Transform.Run(fragment, new JsonObject { ["Image"] = $"{Repository}:secret-tag" }, hashKey: "k");

        result.Succeeded.Should().BeTrue();
        result.Functions.Single().Warnings.Should().NotContain(w => w.Contains("secret-tag"));
    }
}

using System.Text.Json.Nodes;
using MacroVersioning.Cli;
using MacroVersioning.Core;

namespace MacroVersioning.Tests.Cli;

public sealed class SummaryFormatterTests
{
    [Fact]
    public void Lists_each_function_with_its_version_or_why_it_was_skipped()
    {
        var result = new TransformResult(
            [],
            [],
            [
                new FunctionReport("Func1", "Func1Version0a1b2c3d4e", "code dir-sha256:AAAA (src/func1), 6 properties"),
                new FunctionReport("LongerName", null, "AutoPublishAlias is set: SAM publishes its versions"),
                new FunctionReport("F2", "F2Version99", "code s3://b/k\n(location only)"),
            ]);

        var lines = SummaryFormatter.Format(result);

        lines.Should().Equal(
            "versioned 2 of 3 functions, skipped 1:",
            "  Func1       Func1Version0a1b2c3d4e  hashed: code dir-sha256:AAAA (src/func1), 6 properties",
            "  LongerName  skipped:                AutoPublishAlias is set: SAM publishes its versions",
            "  F2          F2Version99             hashed: code s3://b/k (location only)");
    }

    [Fact]
    public void Warnings_follow_the_functions_one_line_each()
    {
        var result = new TransformResult(
            [],
            [],
            [new FunctionReport("Img", "ImgVersion1", "container image") { Warnings = ["Resources.Img.Properties.ImageUri names the image by tag,\nnot digest"] }]);

        SummaryFormatter.Format(result).Should().Equal(
            "versioned 1 function:",
            "  Img  ImgVersion1  hashed: container image",
            "warning: Resources.Img.Properties.ImageUri names the image by tag, not digest");
    }

    [Fact]
    public void Says_so_when_every_function_was_versioned()
    {
        var result = new TransformResult([], [], [new FunctionReport("Only", "OnlyVersion1", "inline code")]);

        SummaryFormatter.Format(result).Should().Equal("versioned 1 function:", "  Only  OnlyVersion1  hashed: inline code");
    }

    [Theory]
    [InlineData("local files; Handler", true)]
    [InlineData("code SHA-256; Handler", false)]
    [InlineData("S3 location; Handler", false)]
    public void Says_a_local_folder_id_is_a_preview(string hashed, bool preview)
    {
        var result = new TransformResult([], [], [new FunctionReport("Fn", "FnVersion1", hashed)]);

        var lines = SummaryFormatter.Format(result);

        lines.Any(l => l.StartsWith("note: ids hashed from local files are previews: the deployed id hashes the zip that sam package uploads", StringComparison.Ordinal))
            .Should().Be(preview);
    }

    [Fact]
    public void Adds_each_pinned_S3_version_or_why_none_to_its_functions_line()
    {
        var result = new TransformResult(
            [],
            [],
            [
                new FunctionReport("Api", "ApiVersion1", "code SHA-256") { Pins = ["pinned S3 version v1", "layer Deps pinned to S3 version v7"] },
                new FunctionReport("Job", "JobVersion2", "code SHA-256") { Pins = ["S3 version v3 not pinned (CodeUri is written as one Fn::Sub,\nwhich has no place for a version)"] },
            ]);

        SummaryFormatter.Format(result).Should().Equal(
            "versioned 2 functions:",
            "  Api  ApiVersion1  hashed: code SHA-256; pinned S3 version v1; layer Deps pinned to S3 version v7",
            "  Job  JobVersion2  hashed: code SHA-256; S3 version v3 not pinned (CodeUri is written as one Fn::Sub, which has no place for a version)");
    }

    [Fact]
    public void Says_how_many_versions_a_prune_resource_keeps()
    {
        var result = new TransformResult(
            [],
            [],
            [
                new FunctionReport("Api", "ApiVersion1", "code SHA-256") { KeepVersions = 3 },
                new FunctionReport("Job", "JobVersion2", "code SHA-256") { KeepVersions = 1 },
            ]);

        SummaryFormatter.Format(result).Should().Equal(
            "versioned 2 functions:",
            "  Api  ApiVersion1  hashed: code SHA-256; keeps the newest 3 versions (ApiVersionPrune)",
            "  Job  JobVersion2  hashed: code SHA-256; keeps the newest 1 version (JobVersionPrune)");
    }

    [Fact]
    public void Says_so_when_there_is_nothing_to_version()
    {
        var result = new TransformResult(new JsonObject(), [], []);

        SummaryFormatter.Format(result).Should().ContainSingle().Which.Should().Contain("nothing to version");
    }

    [Fact]
    public void Lists_every_problem_on_its_own_line()
    {
        var result = TransformResult.Failure(
        [
            new Problem("Resources.Api.Properties.CodeUri", "s3://b/k does not exist;\ncheck the bucket"),
            new Problem("Resources.Worker.Properties.Frobnicate", "is not a known property"),
        ]);

        var lines = SummaryFormatter.Format(result);

        lines.Should().Equal(
            "template rejected: 2 problems",
            "  Resources.Api.Properties.CodeUri: s3://b/k does not exist; check the bucket",
            "  Resources.Worker.Properties.Frobnicate: is not a known property");
    }
}

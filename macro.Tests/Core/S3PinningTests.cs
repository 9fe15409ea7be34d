using System.Text.Json.Nodes;
using MacroVersioning.Core;
using MacroVersioning.Core.Json;
using MacroVersioning.Tests.Fakes;

namespace MacroVersioning.Tests.Core;

/// <summary>
/// Content mode pins the S3 version it hashed into a function's code location that names none, so
/// CloudFormation (which updates code only when bucket, key or version change) deploys exactly the
/// bytes the id covers. The pin never moves the id, and an unversioned bucket pins nothing.
/// </summary>
public sealed class S3PinningTests
{
    private const string Uri = "s3://code/app.zip";

    public static TheoryData<string, string, string> Forms() => new()
    {
        // type, code property as written, code property expected after pinning v1
        { "AWS::Serverless::Function", "\"CodeUri\": \"s3://code/app.zip\"", """{"Bucket":"code","Key":"app.zip","Version":"v1"}""" },
        { "AWS::Serverless::Function", "\"CodeUri\": { \"Bucket\": \"code\", \"Key\": \"app.zip\" }", """{"Bucket":"code","Key":"app.zip","Version":"v1"}""" },
        {
            "AWS::Serverless::Function", "\"CodeUri\": { \"Bucket\": { \"Ref\": \"CodeBucket\" }, \"Key\": { \"Fn::Sub\": \"${Prefix}.zip\" } }",
            """{"Bucket":{"Ref":"CodeBucket"},"Key":{"Fn::Sub":"${Prefix}.zip"},"Version":"v1"}"""
        },
        {
            "AWS::Lambda::Function", "\"Code\": { \"S3Bucket\": { \"Ref\": \"CodeBucket\" }, \"S3Key\": \"app.zip\", \"SourceKMSKeyArn\": \"arn:aws:kms:us-east-1:123456789012:key/k\" }",
            """{"S3Bucket":{"Ref":"CodeBucket"},"S3Key":"app.zip","SourceKMSKeyArn":"arn:aws:kms:us-east-1:123456789012:key/k","S3ObjectVersion":"v1"}"""
        },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void The_version_read_is_written_beside_the_location_as_written(string type, string code, string expected)
    {
        var result = Transform.Run(Template(type, code), Parameters, source: new FakeCodeIdentitySource().PutVersion(Uri, "v1", "bytes 1"));

        result.Problems.Should().BeEmpty();
        var property = type == "AWS::Lambda::Function" ? "Code" : "CodeUri";
        JsonText.ToCompact(Function(result)["Properties"]![property]).Should().Be(expected);
        Version(result)["Properties"]!["CodeSha256"]!.GetValue<string>().Should().Be(FakeCodeIdentitySource.Sha256Base64("bytes 1"));
        result.Functions.Single().Pins.Should().Equal("pinned S3 version v1");
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void New_bytes_under_the_same_key_pin_the_new_version_and_re_id(string type, string code, string expected)
    {
        var source = new FakeCodeIdentitySource().PutVersion(Uri, "v1", "bytes 1");
        var first = Transform.Run(Template(type, code), Parameters, source: source);

        var second = Transform.Run(Template(type, code), Parameters, source: source.PutVersion(Uri, "v2", "bytes 2"));

        second.Functions.Single().VersionId.Should().NotBe(first.Functions.Single().VersionId);
        JsonText.ToCompact(second.Fragment).Should().Contain("\"v2\"").And.NotContain("\"v1\"");
        JsonText.ToCompact(first.Fragment).Should().Contain(expected);
    }

    [Fact]
    public void The_same_bytes_give_the_same_id_pinned_or_not_and_the_same_version_resource()
    {
        var unversioned = Transform.Run(Template("AWS::Serverless::Function", "\"CodeUri\": \"s3://code/app.zip\""), source: new FakeCodeIdentitySource().Put(Uri, "bytes"));
        var source = new FakeCodeIdentitySource().PutVersion(Uri, "v1", "bytes");
        var pinned = Transform.Run(Template("AWS::Serverless::Function", "\"CodeUri\": \"s3://code/app.zip\""), source: source);
        var reUploaded = Transform.Run(Template("AWS::Serverless::Function", "\"CodeUri\": \"s3://code/app.zip\""), source: source.PutVersion(Uri, "v2", "bytes"));

        pinned.Functions.Single().VersionId.Should().Be(unversioned.Functions.Single().VersionId);
        reUploaded.Functions.Single().VersionId.Should().Be(pinned.Functions.Single().VersionId);
        JsonNode.DeepEquals(Version(reUploaded), Version(unversioned)).Should().BeTrue("a version resource is a pure function of its hash");
        Function(reUploaded)["Properties"]!["CodeUri"]!["Version"]!.GetValue<string>().Should().Be("v2");
    }

    [Fact]
    public void Same_bytes_and_no_new_upload_give_the_same_output()
    {
        var source = new FakeCodeIdentitySource().PutVersion(Uri, "v1", "bytes");

        var first = Transform.Run(Template("AWS::Serverless::Function", "\"CodeUri\": \"s3://code/app.zip\""), source: source);
        var again = Transform.Run(Template("AWS::Serverless::Function", "\"CodeUri\": \"s3://code/app.zip\""), source: source);

        JsonText.ToCompact(again.Fragment).Should().Be(JsonText.ToCompact(first.Fragment));
    }

    [Fact]
    public void An_unversioned_bucket_pins_nothing_and_CodeSha256_stays_the_guard()
    {
        var template = Template("AWS::Serverless::Function", "\"CodeUri\": \"s3://code/app.zip\"");

        var result = Transform.Run(template, source: new FakeCodeIdentitySource().Put(Uri, "bytes"));

        Function(result)["Properties"]!["CodeUri"]!.GetValue<string>().Should().Be(Uri);
        Version(result)["Properties"]!["CodeSha256"]!.GetValue<string>().Should().Be(FakeCodeIdentitySource.Sha256Base64("bytes"));
        result.Functions.Single().Pins.Should().BeEmpty();
    }

    [Theory]
    [InlineData("AWS::Serverless::Function", "\"CodeUri\": \"s3://code/app.zip?versionId=v1\"")]
    [InlineData("AWS::Serverless::Function", "\"CodeUri\": { \"Bucket\": \"code\", \"Key\": \"app.zip\", \"Version\": \"v1\" }")]
    [InlineData("AWS::Lambda::Function", "\"Code\": { \"S3Bucket\": \"code\", \"S3Key\": \"app.zip\", \"S3ObjectVersion\": \"v1\" }")]
    public void A_location_that_names_a_version_is_left_as_written(string type, string code)
    {
        var template = Template(type, code);
        var source = new FakeCodeIdentitySource().PutVersion(Uri, "v1", "bytes 1").PutVersion(Uri, "v2", "bytes 2");

        var result = Transform.Run(template, source: source);

        var property = type == "AWS::Lambda::Function" ? "Code" : "CodeUri";
        JsonNode.DeepEquals(Function(result)["Properties"]![property], template["Resources"]!["Fn"]!["Properties"]![property]).Should().BeTrue();
        Version(result)["Properties"]!["CodeSha256"]!.GetValue<string>().Should().Be(FakeCodeIdentitySource.Sha256Base64("bytes 1"));
        result.Functions.Single().Pins.Should().BeEmpty();
    }

    [Fact]
    public void A_location_written_as_one_intrinsic_is_not_pinned_and_the_summary_says_why()
    {
        var template = Template("AWS::Serverless::Function", "\"CodeUri\": { \"Fn::Sub\": \"s3://${CodeBucket}/app.zip\" }");

        var result = Transform.Run(template, Parameters, source: new FakeCodeIdentitySource().PutVersion(Uri, "v1", "bytes"));

        JsonNode.DeepEquals(Function(result)["Properties"]!["CodeUri"], template["Resources"]!["Fn"]!["Properties"]!["CodeUri"]).Should().BeTrue();
        Version(result)["Properties"]!["CodeSha256"].Should().NotBeNull();
        result.Functions.Single().Pins.Should().Equal(
            "S3 version v1 not pinned (CodeUri is written as one Fn::Sub, which has no place for a version): CodeSha256 guards the version");
    }

    [Fact]
    public void A_version_written_but_resolving_to_none_is_not_overwritten_and_the_summary_says_so()
    {
        var template = Template("AWS::Lambda::Function", "\"Code\": { \"S3Bucket\": \"code\", \"S3Key\": \"app.zip\", \"S3ObjectVersion\": { \"Ref\": \"AWS::NoValue\" } }");

        var result = Transform.Run(template, source: new FakeCodeIdentitySource().PutVersion(Uri, "v1", "bytes"));

        JsonText.ToCompact(Function(result)["Properties"]!["Code"]).Should().Be("""{"S3Bucket":"code","S3Key":"app.zip","S3ObjectVersion":{"Ref":"AWS::NoValue"}}""");
        result.Functions.Single().Pins.Should().Equal(
            "S3 version v1 not pinned (Code.S3ObjectVersion is written but names no version here): CodeSha256 guards the version");
    }

    [Fact]
    public void A_CodeUri_from_Globals_is_pinned_on_the_function_and_Globals_stay_as_written()
    {
        var template = Transform.Parse("""
            {
              "Globals": { "Function": { "CodeUri": "s3://code/app.zip", "Runtime": "python3.12" } },
              "Resources": {
                "Fn": { "Type": "AWS::Serverless::Function", "Properties": { "Handler": "index.handler" } },
                "Bare": { "Type": "AWS::Serverless::Function" }
              }
            }
            """);

        var result = Transform.Run(template, source: new FakeCodeIdentitySource().PutVersion(Uri, "v1", "bytes"));

        result.Problems.Should().BeEmpty();
        JsonText.ToCompact(result.Fragment!["Globals"]).Should().Be("""{"Function":{"CodeUri":"s3://code/app.zip","Runtime":"python3.12"}}""");
        JsonText.ToCompact(result.Fragment["Resources"]!["Fn"]!["Properties"]!["CodeUri"]).Should().Be("""{"Bucket":"code","Key":"app.zip","Version":"v1"}""");
        JsonText.ToCompact(result.Fragment["Resources"]!["Bare"]!["Properties"]!["CodeUri"]).Should().Be("""{"Bucket":"code","Key":"app.zip","Version":"v1"}""");
    }

    [Fact]
    public void Location_mode_reads_nothing_and_pins_nothing()
    {
        var template = Template("AWS::Serverless::Function", "\"CodeUri\": \"s3://code/app.zip\"");
        var source = new FakeCodeIdentitySource().PutVersion(Uri, "v1", "bytes");

        var result = Transform.Run(template, macroParams: new JsonObject { ["CodeIdentity"] = "location" }, source: source);

        source.Calls.Should().BeEmpty();
        Function(result)["Properties"]!["CodeUri"]!.GetValue<string>().Should().Be(Uri);
        result.Functions.Single().Pins.Should().BeEmpty();
    }

    private static JsonObject Parameters => new() { ["CodeBucket"] = "code", ["Prefix"] = "app" };

    private static JsonObject Template(string type, string code) => Transform.Parse($$"""
        {
          "Parameters": { "CodeBucket": { "Type": "String" }, "Prefix": { "Type": "String" } },
          "Resources": {
            "Fn": { "Type": "{{type}}", "Properties": {
              {{code}}, "Handler": "index.handler", "Runtime": "python3.12", "Role": "arn:aws:iam::123456789012:role/app" } }
          }
        }
        """);

    private static JsonObject Function(TransformResult result) => result.Fragment!["Resources"]!["Fn"]!.AsObject();

    private static JsonObject Version(TransformResult result) =>
        result.Fragment!["Resources"]!.AsObject().Single(r => r.Value!["Type"]!.GetValue<string>() == "AWS::Lambda::Version").Value!.AsObject();
}

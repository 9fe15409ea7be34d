using System.Text.Json.Nodes;
using MacroVersioning.Core;
using MacroVersioning.Core.Json;
using MacroVersioning.Tests.Fakes;

namespace MacroVersioning.Tests.Core;

/// <summary>
/// A layer built in the same template under a fixed key has the function's problem (CloudFormation
/// sees no change in its location), so content mode pins its version too. The pinned location is the
/// layer's location, which the functions' hash covers: a new layer version is a new ARN in their
/// configuration, even for the same bytes.
/// </summary>
public sealed class S3LayerPinningTests
{
    private const string SamLayer = "s3://code/deps.zip";
    private const string RawLayer = "s3://code/raw.zip";

    private const string Template = """
        {
          "Resources": {
            "Deps": { "Type": "AWS::Serverless::LayerVersion", "Properties": { "ContentUri": "s3://code/deps.zip", "LayerName": "deps" } },
            "Raw": { "Type": "AWS::Lambda::LayerVersion", "Properties": { "Content": { "S3Bucket": "code", "S3Key": "raw.zip" }, "LayerName": "raw" } },
            "Api": { "Type": "AWS::Serverless::Function", "Properties": {
              "CodeUri": "s3://code/api.zip", "Handler": "app.handler", "Runtime": "python3.12", "Layers": [{ "Ref": "Deps" }, { "Ref": "Raw" }] } },
            "Worker": { "Type": "AWS::Serverless::Function", "Properties": {
              "CodeUri": "s3://code/api.zip", "Handler": "app.handler", "Runtime": "python3.12", "Layers": [{ "Ref": "Deps" }] } }
          }
        }
        """;

    [Fact]
    public void Both_layer_kinds_are_pinned_once_and_every_function_using_one_says_so()
    {
        var result = Transform.Run(Transform.Parse(Template), source: Source("v1", "deps 1"));

        result.Problems.Should().BeEmpty();
        JsonText.ToCompact(Resource(result, "Deps")["Properties"]!["ContentUri"]).Should().Be("""{"Bucket":"code","Key":"deps.zip","Version":"v1"}""");
        JsonText.ToCompact(Resource(result, "Raw")["Properties"]!["Content"]).Should().Be("""{"S3Bucket":"code","S3Key":"raw.zip","S3ObjectVersion":"r1"}""");
        result.Functions.Single(f => f.FunctionId == "Api").Pins.Should().Equal("layer Deps pinned to S3 version v1", "layer Raw pinned to S3 version r1");
        result.Functions.Single(f => f.FunctionId == "Worker").Pins.Should().Equal("layer Deps pinned to S3 version v1");
    }

    [Fact]
    public void A_new_layer_version_re_ids_its_functions_even_with_the_same_bytes()
    {
        var first = Transform.Run(Transform.Parse(Template), source: Source("v1", "deps"));

        var reUploaded = Transform.Run(Transform.Parse(Template), source: Source("v2", "deps"));

        reUploaded.Functions.Select(f => f.VersionId).Should().NotIntersectWith(first.Functions.Select(f => f.VersionId));
    }

    [Fact]
    public void An_unchanged_layer_version_keeps_the_ids()
    {
        var first = Transform.Run(Transform.Parse(Template), source: Source("v1", "deps"));

        var again = Transform.Run(Transform.Parse(Template), source: Source("v1", "deps"));

        JsonText.ToCompact(again.Fragment).Should().Be(JsonText.ToCompact(first.Fragment));
    }

    [Fact]
    public void A_layer_used_in_location_mode_too_is_pinned_and_that_function_follows_its_version()
    {
        var template = Transform.Parse(Template);
        template["Resources"]!["Worker"]!["Metadata"] = JsonNode.Parse("""{ "VersioningMacro": { "CodeIdentity": "location" } }""");

        var first = Transform.Run(template.DeepClone().AsObject(), source: Source("v1", "deps"));
        var second = Transform.Run(template.DeepClone().AsObject(), source: Source("v2", "deps"));

        Resource(second, "Deps")["Properties"]!["ContentUri"]!["Version"]!.GetValue<string>().Should().Be("v2");
        second.Functions.Single(f => f.FunctionId == "Worker").VersionId.Should().NotBe(first.Functions.Single(f => f.FunctionId == "Worker").VersionId);
    }

    [Fact]
    public void A_layer_in_an_unversioned_bucket_is_left_as_written()
    {
        var source = new FakeCodeIdentitySource().Put(SamLayer, "deps").Put(RawLayer, "raw");

        var result = Transform.Run(Transform.Parse(Template), source: source);

        Resource(result, "Deps")["Properties"]!["ContentUri"]!.GetValue<string>().Should().Be(SamLayer);
        result.Functions.Should().OnlyContain(f => f.Pins.Count == 0);
    }

    private static FakeCodeIdentitySource Source(string depsVersion, string deps) =>
        new FakeCodeIdentitySource().PutVersion(SamLayer, depsVersion, deps).PutVersion(RawLayer, "r1", "raw").Put("s3://code/api.zip", "api");

    private static JsonObject Resource(TransformResult result, string id) => result.Fragment!["Resources"]![id]!.AsObject();
}

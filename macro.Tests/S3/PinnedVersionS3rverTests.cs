using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MacroVersioning.Code;
using MacroVersioning.Core;
using MacroVersioning.Core.Json;

namespace MacroVersioning.Tests.S3;

/// <summary>
/// The fixed-key flow against s3rver, as a hand-rolled pipeline runs it: upload app.zip to the same
/// key, transform, deploy. In a versioned bucket each new upload pins its own version (so
/// CloudFormation updates the code) and re-ids the function; no upload changes nothing. In an
/// unversioned bucket nothing is pinned and CodeSha256 stays the guard.
/// </summary>
[Collection(S3rverCollection.Name)]
public sealed class PinnedVersionS3rverTests(S3rverFixture fixture)
{
    [Fact]
    public async Task Same_key_new_bytes_pin_a_new_version_and_re_id_while_no_upload_changes_nothing()
    {
        const string bucket = S3rverFixture.VersionedBucket;
        var first = DeterministicBytes.Array(8000, 71);
        var second = DeterministicBytes.Array(8000, 72);
        var layer = DeterministicBytes.Array(3000, 73);
        var v1 = await fixture.Server.PutAsync(bucket, "pipeline/app.zip", first, CancellationToken.None);
        var layerVersion = await fixture.Server.PutAsync(bucket, "pipeline/deps.zip", layer, CancellationToken.None);

        var deployed = await TransformAsync(bucket);
        var unchanged = await TransformAsync(bucket);
        var v2 = await fixture.Server.PutAsync(bucket, "pipeline/app.zip", second, CancellationToken.None);
        var updated = await TransformAsync(bucket);

        v2.Should().NotBe(v1);
        Pinned(deployed).Should().Equal(v1, v1, layerVersion);
        CodeSha256(deployed).Should().Be(Convert.ToBase64String(SHA256.HashData(first)));
        JsonText.ToCompact(unchanged.Fragment).Should().Be(JsonText.ToCompact(deployed.Fragment));
        Pinned(updated).Should().Equal(v2, v2, layerVersion);
        CodeSha256(updated).Should().Be(Convert.ToBase64String(SHA256.HashData(second)));
        updated.Functions.Select(f => f.VersionId).Should().NotIntersectWith(deployed.Functions.Select(f => f.VersionId));
        updated.Functions.Single(f => f.FunctionId == "Api").Pins.Should().Equal($"pinned S3 version {v2}", $"layer Deps pinned to S3 version {layerVersion}");
    }

    [Fact]
    public async Task An_unversioned_bucket_pins_nothing_and_each_version_carries_CodeSha256()
    {
        var bytes = DeterministicBytes.Array(8000, 74);
        (await fixture.Server.PutAsync(S3rverFixture.Bucket, "pipeline/app.zip", bytes, CancellationToken.None)).Should().BeNull();
        await fixture.Server.PutAsync(S3rverFixture.Bucket, "pipeline/deps.zip", DeterministicBytes.Array(3000, 75), CancellationToken.None);

        var result = await TransformAsync(S3rverFixture.Bucket);

        result.Problems.Should().BeEmpty();
        Pinned(result).Should().Equal(null, null, null);
        CodeSha256(result).Should().Be(Convert.ToBase64String(SHA256.HashData(bytes)));
        result.Functions.Should().OnlyContain(f => f.Pins.Count == 0);
    }

    private async Task<TransformResult> TransformAsync(string bucket)
    {
        var template = JsonNode.Parse($$"""
            {
              "Resources": {
                "Deps": { "Type": "AWS::Serverless::LayerVersion", "Properties": { "ContentUri": "s3://{{bucket}}/pipeline/deps.zip" } },
                "Api": { "Type": "AWS::Serverless::Function", "Properties": {
                  "CodeUri": "s3://{{bucket}}/pipeline/app.zip", "Handler": "index.handler", "Runtime": "python3.12", "Layers": [{ "Ref": "Deps" }] } },
                "Worker": { "Type": "AWS::Lambda::Function", "Properties": {
                  "Code": { "S3Bucket": "{{bucket}}", "S3Key": "pipeline/app.zip" }, "Handler": "index.handler",
                  "Runtime": "python3.12", "Role": "arn:aws:iam::123456789012:role/app" } }
              }
            }
            """)!.AsObject();
        var request = new MacroRequest(template, [], [], TestSources.Region, "123456789012");
        var source = new CodeIdentityRouter(TestSources.For(fixture.Server.Endpoint), new LocalCodeDigester());
        return await MacroTransformer.TransformAsync(request, TransformOptions.Lambda(null), source, CancellationToken.None);
    }

    /// <summary>The version pinned in Api's CodeUri, Worker's Code and the layer's ContentUri (null where none).</summary>
    private static string?[] Pinned(TransformResult result)
    {
        var resources = result.Fragment!["Resources"]!;
        return
        [
            (resources["Api"]!["Properties"]!["CodeUri"] as JsonObject)?["Version"]?.GetValue<string>(),
            resources["Worker"]!["Properties"]!["Code"]!["S3ObjectVersion"]?.GetValue<string>(),
            (resources["Deps"]!["Properties"]!["ContentUri"] as JsonObject)?["Version"]?.GetValue<string>(),
        ];
    }

    private static string CodeSha256(TransformResult result) =>
        result.Fragment!["Resources"]!.AsObject()
            .Where(r => r.Value!["Type"]!.GetValue<string>() == "AWS::Lambda::Version")
            .Select(r => r.Value!["Properties"]!["CodeSha256"]!.GetValue<string>())
            .Distinct()
            .Single();
}

using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MacroVersioning.Code;
using MacroVersioning.Core;

namespace MacroVersioning.Tests.S3;

/// <summary>The whole transform of a packaged template whose code sits in s3rver, as the Lambda runs it.</summary>
[Collection(S3rverCollection.Name)]
public sealed class PackagedTemplateS3rverTests(S3rverFixture fixture)
{
    private const string Bucket = S3rverFixture.Bucket;

    [Fact]
    public async Task Versions_carry_the_sha256_of_the_objects_their_functions_point_at()
    {
        var sam = DeterministicBytes.Array(6000, 31);
        var plain = DeterministicBytes.Array(7000, 32);
        await fixture.Server.PutAsync(Bucket, "packaged/sam.zip", sam, CancellationToken.None);
        await fixture.Server.PutAsync(Bucket, "packaged/plain.zip", plain, CancellationToken.None);

        var result = await TransformAsync(new JsonObject
        {
            ["SamFunction"] = Function("AWS::Serverless::Function", "CodeUri", $"s3://{Bucket}/packaged/sam.zip"),
            ["PlainFunction"] = Function("AWS::Lambda::Function", "Code", new JsonObject { ["S3Bucket"] = Bucket, ["S3Key"] = "packaged/plain.zip" }),
        });

        result.Problems.Should().BeEmpty();
        CodeShas(result).Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["SamFunction"] = Convert.ToBase64String(SHA256.HashData(sam)),
            ["PlainFunction"] = Convert.ToBase64String(SHA256.HashData(plain)),
        });
    }

    [Fact]
    public async Task Missing_object_fails_the_transform_naming_the_property_and_the_object()
    {
        var result = await TransformAsync(new JsonObject
        {
            ["Api"] = Function("AWS::Serverless::Function", "CodeUri", $"s3://{Bucket}/packaged/never-uploaded.zip"),
        });

        result.Succeeded.Should().BeFalse();
        result.Problems.Should().ContainSingle().Which.ToString().Should().StartWith(
            $"Resources.Api.Properties.CodeUri: s3://{Bucket}/packaged/never-uploaded.zip: bucket {Bucket} has no object packaged/never-uploaded.zip (NoSuchKey)");
    }

    private Task<TransformResult> TransformAsync(JsonObject resources)
    {
        var request = new MacroRequest(new JsonObject { ["Resources"] = resources }, [], [], TestSources.Region, "123456789012");
        var source = new CodeIdentityRouter(TestSources.For(fixture.Server.Endpoint), new LocalCodeDigester());
        return MacroTransformer.TransformAsync(request, TransformOptions.Lambda(null), source, CancellationToken.None);
    }

    private static JsonObject Function(string type, string codeProperty, JsonNode code) => new()
    {
        ["Type"] = type,
        ["Properties"] = new JsonObject
        {
            [codeProperty] = code,
            ["Handler"] = "index.handler",
            ["Runtime"] = "python3.12",
            ["Role"] = "arn:aws:iam::123456789012:role/app",
        },
    };

    /// <summary>Function id → CodeSha256 of the version added for it.</summary>
    private static Dictionary<string, string> CodeShas(TransformResult result) =>
        result.Fragment!["Resources"]!.AsObject()
            .Where(r => r.Value!["Type"]!.GetValue<string>() == "AWS::Lambda::Version")
            .ToDictionary(
                r => r.Value!["Properties"]!["FunctionName"]!["Ref"]!.GetValue<string>(),
                r => r.Value!["Properties"]!["CodeSha256"]!.GetValue<string>());
}

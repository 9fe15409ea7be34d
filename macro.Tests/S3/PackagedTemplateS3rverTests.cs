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
    public async Task Each_versioned_location_form_hashes_the_version_it_names_not_the_latest()
    {
        const string bucket = S3rverFixture.VersionedBucket;
        const string key = "packaged/app.zip";
        var uploads = Enumerable.Range(0, 4).Select(i => DeterministicBytes.Array(5000 + i, (ulong)(50 + i))).ToArray();
        var versions = new List<string>();
        foreach (var bytes in uploads)
        {
            versions.Add(await fixture.Server.PutAsync(bucket, key, bytes, CancellationToken.None) ?? throw new InvalidOperationException("no version id"));
        }

        // The template as CloudFormation hands it to the macro: the three ways to name a version, and
        // one location without a version, which reads the latest upload.
        var template = JsonNode.Parse($$"""
            {
              "Resources": {
                "UriForm": { "Type": "AWS::Serverless::Function", "Properties": {
                  "CodeUri": "s3://{{bucket}}/{{key}}?versionId={{versions[0]}}", "Handler": "index.handler", "Runtime": "python3.12" } },
                "SamForm": { "Type": "AWS::Serverless::Function", "Properties": {
                  "CodeUri": { "Bucket": "{{bucket}}", "Key": "{{key}}", "Version": "{{versions[1]}}" }, "Handler": "index.handler", "Runtime": "python3.12" } },
                "LambdaForm": { "Type": "AWS::Lambda::Function", "Properties": {
                  "Code": { "S3Bucket": "{{bucket}}", "S3Key": "{{key}}", "S3ObjectVersion": "{{versions[2]}}" }, "Handler": "index.handler",
                  "Runtime": "python3.12", "Role": "arn:aws:iam::123456789012:role/app" } },
                "Latest": { "Type": "AWS::Serverless::Function", "Properties": {
                  "CodeUri": "s3://{{bucket}}/{{key}}", "Handler": "index.handler", "Runtime": "python3.12" } }
              }
            }
            """)!.AsObject();
        await fixture.Server.ClearRequestsAsync(CancellationToken.None);

        var result = await TransformTemplateAsync(template);

        result.Problems.Should().BeEmpty();
        CodeShas(result).Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["UriForm"] = Convert.ToBase64String(SHA256.HashData(uploads[0])),
            ["SamForm"] = Convert.ToBase64String(SHA256.HashData(uploads[1])),
            ["LambdaForm"] = Convert.ToBase64String(SHA256.HashData(uploads[2])),
            ["Latest"] = Convert.ToBase64String(SHA256.HashData(uploads[3])),
        });
        var requests = await fixture.Server.RequestsAsync(CancellationToken.None);
        // The location without a version reads the version its HEAD answered, and pins it.
        requests.Select(r => (r.Method, VersionId(r.Url))).Should().BeEquivalentTo(
            versions[..3].SelectMany(v => new[] { ("HEAD", (string?)v), ("GET", v) }).Append(("HEAD", null)).Append(("GET", versions[3])));
        result.Fragment!["Resources"]!["Latest"]!["Properties"]!["CodeUri"]!["Version"]!.GetValue<string>().Should().Be(versions[3]);
        requests.Should().OnlyContain(r => r.Path == $"/{bucket}/{key}");
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

    private Task<TransformResult> TransformAsync(JsonObject resources) => TransformTemplateAsync(new JsonObject { ["Resources"] = resources });

    private Task<TransformResult> TransformTemplateAsync(JsonObject template)
    {
        var request = new MacroRequest(template, [], [], TestSources.Region, "123456789012");
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

    private static string? VersionId(string url) =>
        System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://s3rver"), url).Query)["versionId"];

    /// <summary>Function id → CodeSha256 of the version added for it.</summary>
    private static Dictionary<string, string> CodeShas(TransformResult result) =>
        result.Fragment!["Resources"]!.AsObject()
            .Where(r => r.Value!["Type"]!.GetValue<string>() == "AWS::Lambda::Version")
            .ToDictionary(
                r => r.Value!["Properties"]!["FunctionName"]!["Ref"]!.GetValue<string>(),
                r => r.Value!["Properties"]!["CodeSha256"]!.GetValue<string>());
}

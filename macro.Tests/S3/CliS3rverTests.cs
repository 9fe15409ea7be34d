using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MacroVersioning.Tests.Aot;
using MacroVersioning.Tests.Tools;

namespace MacroVersioning.Tests.S3;

/// <summary>
/// The CLI as a user runs it (a child process, credentials from the environment) on a packaged
/// template whose code sits in a local s3rver: each version's CodeSha256 is the base64 SHA-256 of
/// the object its function points at, and the summary says the bytes were read and which S3 version
/// it pinned. Both builds: the JIT-compiled assembly and the Native AOT executable, whose outputs must
/// also be identical.
/// </summary>
[Collection(S3rverCollection.Name)]
public sealed class CliS3rverTests(S3rverFixture fixture) : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("cli-s3rver");

    [Theory]
    [InlineData(MacroBuild.Jit)]
    [InlineData(MacroBuild.Aot)]
    public async Task Transform_with_an_s3_endpoint_prints_versions_carrying_each_objects_sha256(MacroBuild build)
    {
        var api = DeterministicBytes.Array(9000, 41);
        var worker = DeterministicBytes.Array(12000, 42);
        await fixture.Server.PutAsync(S3rverFixture.Bucket, "cli/api.zip", api, CancellationToken.None);
        await fixture.Server.PutAsync(S3rverFixture.Bucket, "cli/worker.zip", worker, CancellationToken.None);
        var template = Path.Combine(work.FullName, "packaged.yaml");
        await File.WriteAllTextAsync(template, $"""
            Transform: [VersioningMacro, AWS::Serverless-2016-10-31]
            Resources:
              Api:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: s3://{S3rverFixture.Bucket}/cli/api.zip
                  Handler: index.handler
                  Runtime: python3.12
              Worker:
                Type: AWS::Lambda::Function
                Properties:
                  Code: {"{"}S3Bucket: {S3rverFixture.Bucket}, S3Key: cli/worker.zip{"}"}
                  Handler: index.handler
                  Runtime: python3.12
                  Role: arn:aws:iam::123456789012:role/app
            """);
        var outcome = await RunAsync(template, build);

        outcome.ExitCode.Should().Be(0, outcome.Describe());
        var resources = JsonNode.Parse(outcome.StandardOutput)!["Resources"]!.AsObject();
        var shas = resources
            .Where(r => r.Value!["Type"]!.GetValue<string>() == "AWS::Lambda::Version")
            .ToDictionary(r => r.Value!["Properties"]!["FunctionName"]!["Ref"]!.GetValue<string>(), r => r.Value!["Properties"]!["CodeSha256"]!.GetValue<string>());
        shas.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["Api"] = Convert.ToBase64String(SHA256.HashData(api)),
            ["Worker"] = Convert.ToBase64String(SHA256.HashData(worker)),
        });
        outcome.StandardError.Should().Contain("versioned 2 functions");
    }

    [Fact]
    public async Task The_summary_says_which_S3_version_it_pinned_in_a_versioned_bucket()
    {
        var version = await fixture.Server.PutAsync(S3rverFixture.VersionedBucket, "cli/fixed.zip", DeterministicBytes.Array(4000, 43), CancellationToken.None);
        var template = Path.Combine(work.FullName, "fixed-key.yaml");
        await File.WriteAllTextAsync(template, $"""
            Transform: [VersioningMacro, AWS::Serverless-2016-10-31]
            Resources:
              Api:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: s3://{S3rverFixture.VersionedBucket}/cli/fixed.zip
                  Handler: index.handler
                  Runtime: python3.12
            """);

        var outcome = await RunAsync(template);

        outcome.ExitCode.Should().Be(0, outcome.Describe());
        JsonNode.Parse(outcome.StandardOutput)!["Resources"]!["Api"]!["Properties"]!["CodeUri"]!["Version"]!.GetValue<string>().Should().Be(version);
        outcome.StandardError.Should().MatchRegex($@"\n  Api  ApiVersion[0-9a-f]{{10}}  hashed: code SHA-256; Handler, Runtime; pinned S3 version {version}\r?\n");
    }

    public void Dispose() => work.Delete(recursive: true);

    private async Task<ProcessOutcome> RunAsync(string template, MacroBuild build = MacroBuild.Jit)
    {
        var environment = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = "S3RVER",
            ["AWS_SECRET_ACCESS_KEY"] = "S3RVER",
            ["AWS_PROFILE"] = null,
            ["AWS_CONFIG_FILE"] = Path.Combine(work.FullName, "no-config"),
            ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(work.FullName, "no-credentials"),
        };
        var (file, prefix) = await MacroProcess.CommandAsync(build);
        return await ExternalProcess.RunAsync(
            file,
            [.. prefix, "transform", template, "--s3-endpoint", fixture.Server.Endpoint.ToString()],
            work.FullName,
            environment,
            TimeSpan.FromMinutes(2));
    }
}

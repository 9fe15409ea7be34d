using System.Text.Json.Nodes;
using MacroVersioning.Cli;

namespace MacroVersioning.Tests.Cli;

/// <summary><c>transform --emit-event FILE</c> writes the request CloudFormation would send; <c>invoke FILE</c> replays it.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class EmitEventTests : IDisposable
{
    private const string Template =
        """
        Transform:
          - Name: VersioningMacro
            Parameters:
              CodeIdentity: location
          - AWS::Serverless-2016-10-31
        Parameters:
          Stage:
            Type: String
            Default: dev
            AllowedValues: [dev, prod]
          Token:
            Type: String
            NoEcho: true
          Subnets:
            Type: CommaDelimitedList
            Default: a,b
        Resources:
          Inline:
            Type: AWS::Serverless::Function
            Properties:
              InlineCode: "def handler(event, context):\n    return 1\n"
              Handler: index.handler
              Runtime: python3.12
              Environment:
                Variables:
                  STAGE: !Ref Stage
                  TOKEN: !Ref Token
          Packaged:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: s3://artifacts/app.zip
              Handler: app.handler
              Runtime: python3.12
        """;

    private readonly CliTempDirectory project = new();

    private readonly string templatePath;

    private readonly string keyPath;

    public EmitEventTests()
    {
        templatePath = project.Write("template.yaml", Template);
        keyPath = project.Write("key", "emit-event-test-key");
    }

    [Fact]
    public async Task Invoke_replays_the_emitted_event_to_the_same_fragment()
    {
        var eventPath = Path.Combine(project.Path, "event.json");

        var transform = await CliRun.RunAsync(
            "transform", templatePath, "--param", "Stage=prod", "--param", "Token=s3cr3t-token", "--hash-key-file", keyPath, "--emit-event", eventPath);
        var invoke = await CliRun.RunAsync("invoke", eventPath, "--hash-key-file", keyPath);

        transform.ExitCode.Should().Be(0, transform.Stderr);
        invoke.ExitCode.Should().Be(0, invoke.Stderr);
        var transformed = JsonNode.Parse(transform.Stdout)!.AsObject();
        transformed.Remove("Transform");
        var response = JsonNode.Parse(invoke.Stdout)!.AsObject();
        response["status"]!.GetValue<string>().Should().Be("success");
        JsonNode.DeepEquals(response["fragment"], transformed).Should().BeTrue(invoke.Stdout);
        transform.Stderr.Should().Contain($"wrote the macro request to {eventPath}; it holds the NoEcho parameter values in clear")
            .And.NotContain("s3cr3t-token");
        invoke.Stderr.Should().NotContain("s3cr3t-token");
    }

    [Fact]
    public async Task The_event_is_the_request_cloudformation_would_send()
    {
        var eventPath = Path.Combine(project.Path, "event.json");

        var run = await CliRun.RunAsync("transform", templatePath, "--param", "Token=t", "--account", "210987654321", "--region", "eu-west-1", "--hash-key-file", keyPath, "--emit-event", eventPath);

        run.ExitCode.Should().Be(0, run.Stderr);
        var emitted = JsonNode.Parse(File.ReadAllText(eventPath))!.AsObject();
        emitted.Select(p => p.Key).Should().Equal("region", "accountId", "fragment", "transformId", "params", "requestId", "templateParameterValues");
        emitted["region"]!.GetValue<string>().Should().Be("eu-west-1");
        emitted["accountId"]!.GetValue<string>().Should().Be("210987654321");
        emitted["transformId"]!.GetValue<string>().Should().Be("210987654321::VersioningMacro");
        emitted["requestId"]!.GetValue<string>().Should().Be(MacroEvent.RequestId);
        emitted["params"]!.ToJsonString().Should().Be("""{"CodeIdentity":"location"}""");
        emitted["templateParameterValues"]!.ToJsonString().Should().Be("""{"Stage":"dev","Token":"t","Subnets":["a","b"]}""");
        emitted["fragment"]!.AsObject().ContainsKey("Transform").Should().BeFalse();
        File.GetUnixFileMode(eventPath).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public async Task A_rejected_template_still_emits_its_event_for_replay()
    {
        var eventPath = Path.Combine(project.Path, "event.json");

        var run = await CliRun.RunAsync("transform", templatePath, "--param", "Token=a-token-value", "--emit-event", eventPath);
        var replay = await CliRun.RunAsync("invoke", eventPath);

        run.ExitCode.Should().Be(1);
        run.Stderr.Should().Contain("uses NoEcho parameter Token");
        replay.ExitCode.Should().Be(1);
        replay.Stderr.Should().Contain("uses NoEcho parameter Token");
    }

    [Fact]
    public async Task Code_identity_cannot_be_emitted()
    {
        var run = await CliRun.RunAsync("transform", templatePath, "--code-identity", "location", "--emit-event", Path.Combine(project.Path, "e.json"));

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("--emit-event writes the request CloudFormation would send, which has no --code-identity");
    }

    public void Dispose() => project.Dispose();
}

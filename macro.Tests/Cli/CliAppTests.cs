using System.Text.Json.Nodes;
using MacroVersioning.Cli;

namespace MacroVersioning.Tests.Cli;

public sealed class CliAppTests : IDisposable
{
    /// <summary>Two SAM functions from local folders (src/handlers/func1, func2), listing the macro before SAM.</summary>
    internal const string Template =
        """
        AWSTemplateFormatVersion: 2010-09-09
        Transform: [VersioningMacro, AWS::Serverless-2016-10-31]
        Description: two functions
        Parameters:
          Stage:
            Type: String
            Default: dev
        Resources:
          Func2:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: src/handlers/func2
              Handler: index.handler
              Runtime: python3.12
          Func1:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: index.handler
              CodeUri: src/handlers/func1
              MemorySize: 128
              Environment:
                Variables:
                  STAGE: !Ref Stage
                  RATE: 1.50
        Outputs:
          Func1Arn:
            Value: !GetAtt Func1.Arn
        """;

    private readonly CliTempDirectory project = new();

    private readonly string templatePath;

    public CliAppTests()
    {
        templatePath = project.Write("template.yaml", Template);
        project.Write("src/handlers/func1/index.py", "def handler(event, context):\n    return 1\n");
        project.Write("src/handlers/func2/index.py", "def handler(event, context):\n    return 2\n");
    }

    [Fact]
    public async Task Transform_prints_json_with_the_remaining_transforms_and_the_original_order()
    {
        var run = await CliRun.RunAsync("transform", templatePath);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().EndWith("}\n").And.Contain("\n  \"Transform\": \"AWS::Serverless-2016-10-31\",\n");
        var output = TemplateReader.Read(run.Stdout, out var format);
        format.Should().Be(TemplateFormat.Json);
        output["Transform"]!.GetValue<string>().Should().Be("AWS::Serverless-2016-10-31");
        KeysOf(output).Should().ContainInOrder("AWSTemplateFormatVersion", "Transform", "Description", "Parameters", "Resources", "Outputs");
        KeysOf(output["Resources"]!).Should().ContainInOrder("Func2", "Func1");
        var func1 = output["Resources"]!["Func1"]!["Properties"]!;
        KeysOf(func1).Should().ContainInOrder("Runtime", "Handler", "CodeUri", "MemorySize", "Environment");
        func1["Environment"]!["Variables"]!["RATE"]!.ToJsonString().Should().Be("1.50");
        output["AWSTemplateFormatVersion"]!.GetValue<string>().Should().Be("2010-09-09");
        run.Stderr.Should().Contain($"read {templatePath} (YAML, 2 resources); region us-east-1, account 123456789012");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("arn:aws:lambda:eu-west-1:210987654321:function:Macro")]
    public async Task Transform_writes_the_service_token_of_KeepVersions_prune_resources_and_says_what_they_keep(string? serviceToken)
    {
        var keeping = project.Write("keeping.yaml", Template.Replace("Transform: [VersioningMacro,", "Transform: [{Name: VersioningMacro, Parameters: {KeepVersions: 4}},", StringComparison.Ordinal));

        var run = serviceToken is null ? await CliRun.RunAsync("transform", keeping) : await CliRun.RunAsync("transform", keeping, "--service-token", serviceToken);

        run.ExitCode.Should().Be(0, run.Stderr);
        var token = TemplateReader.Read(run.Stdout, out _)["Resources"]!["Func1VersionPrune"]!["Properties"]!["ServiceToken"]!;
        token.ToJsonString().Should().Be(serviceToken is null
            ? """{"Fn::Sub":"arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:VersioningMacro"}"""
            : $"\"{serviceToken}\"");
        run.Stderr.Should().Contain("; keeps the newest 4 versions (Func1VersionPrune)");
    }

    /// <summary>Through the core's own reasons: the summary, not the reason, says "skipped".</summary>
    [Fact]
    public async Task Skipped_and_AutoPublishAlias_functions_are_listed_once_each_with_the_core_reason()
    {
        var path = project.Write(
            "skipping.yaml",
            Template
                .Replace("Func2:\n    Type: AWS::Serverless::Function\n", "Func2:\n    Type: AWS::Serverless::Function\n    Metadata:\n      VersioningMacro:\n        Enabled: false\n", StringComparison.Ordinal)
                .Replace("MemorySize: 128", "AutoPublishAlias: live", StringComparison.Ordinal));

        var run = await CliRun.RunAsync("transform", path);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stderr.Split('\n').Should().ContainInOrder(
            "versioned 1 of 2 functions, skipped 1:",
            "  Func2  skipped:                opted out (VersioningMacro Enabled: false)",
            "  Func1  Func1Versione224fa46e5  via AutoPublishAlias live, hashed: local files; Environment, Handler, Runtime");
    }

    [Fact]
    public async Task Yaml_output_reads_back_to_the_json_output()
    {
        var json = await CliRun.RunAsync("transform", templatePath);
        var yaml = await CliRun.RunAsync("transform", templatePath, "--format", "yaml");

        (json.ExitCode, yaml.ExitCode).Should().Be((0, 0), yaml.Stderr);
        yaml.Stdout.Should().Contain("Value: !GetAtt Func1.Arn");
        var fromYaml = TemplateReader.Read(yaml.Stdout, out var format);
        format.Should().Be(TemplateFormat.Yaml);
        fromYaml.ToJsonString().Should().Be(TemplateReader.Read(json.Stdout, out _).ToJsonString());
    }

    [Fact]
    public async Task Output_file_gets_what_stdout_would()
    {
        var outPath = Path.Combine(project.Path, "out", "transformed.json");
        Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);

        var toStdout = await CliRun.RunAsync("transform", templatePath);
        var toFile = await CliRun.RunAsync("transform", templatePath, "-o", outPath);

        toFile.ExitCode.Should().Be(0, toFile.Stderr);
        toFile.Stdout.Should().BeEmpty();
        toFile.Stderr.Should().Contain($"wrote {outPath}");
        File.ReadAllText(outPath).Should().Be(toStdout.Stdout);
    }

    [Fact]
    public async Task Json_template_gives_the_same_output_as_yaml()
    {
        var jsonPath = project.Write("template.json", CfnJsonWriter.Write(TemplateReader.Read(Template, out _)));

        var fromYaml = await CliRun.RunAsync("transform", templatePath);
        var fromJson = await CliRun.RunAsync("transform", jsonPath);

        fromJson.ExitCode.Should().Be(0, fromJson.Stderr);
        fromJson.Stdout.Should().Be(fromYaml.Stdout);
    }

    [Fact]
    public async Task Unwritable_output_is_a_usage_error()
    {
        var run = await CliRun.RunAsync("transform", templatePath, "-o", Path.Combine(project.Path, "no-such-dir", "out.json"));

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("error: cannot write");
    }

    public static readonly TheoryData<string, string[], string> UsageErrors = new()
    {
        { "no arguments", [], "error: no command given" },
        { "unknown command", ["deploy"], "error: unknown command deploy" },
        { "unknown flag", ["transform", "{template}", "--bogus", "1"], "error: unknown option --bogus" },
        { "missing template", ["transform", "{dir}/missing.yaml"], "error: template {dir}/missing.yaml does not exist" },
        { "the project folder given as the template", ["transform", "{dir}"], "error: template {dir} is a directory; did you mean {template}?" },
        { "a folder without a template", ["transform", "{dir}/src"], "error: template {dir}/src is a directory; give the template file in it" },
        { "a folder as diff's NEW", ["diff", "{template}", "{dir}"], "error: NEW template {dir} is a directory; did you mean {template}?" },
        { "malformed param", ["transform", "{template}", "--param", "Stage"], "error: --param number 1 is not Key=Value" },
        { "param the template lacks", ["transform", "{template}", "--param", "Nope=1"], "error: --param Nope: the template has no parameter Nope (it declares Stage)" },
        { "missing hash key file", ["transform", "{template}", "--hash-key-file", "{dir}/nokey"], "error: --hash-key-file {dir}/nokey does not exist" },
        { "missing event", ["invoke", "{dir}/missing.json"], "error: event {dir}/missing.json does not exist" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public async Task Usage_errors_exit_with_2(string name, string[] args, string expected)
    {
        var run = await CliRun.RunAsync([.. args.Select(Expand)]);

        run.ExitCode.Should().Be(2, name);
        run.Stdout.Should().BeEmpty(name);
        run.Stderr.Should().Contain(Expand(expected), name);
    }

    [Fact]
    public async Task Parameter_without_default_needs_a_value()
    {
        var path = project.Write("required.yaml", "Parameters:\n  Bucket:\n    Type: String\nResources: {}\n");

        var run = await CliRun.RunAsync("transform", path);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("parameter Bucket has no Default: pass --param Bucket=VALUE");
    }

    [Fact]
    public async Task Malformed_template_is_rejected_with_its_position()
    {
        var path = project.Write("bad.yaml", "Resources:\n  A:\n    Type: !Bogus x\n");

        var run = await CliRun.RunAsync("transform", path);

        run.ExitCode.Should().Be(1);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().StartWith($"{path}:3:11: unknown tag !Bogus");
    }

    public static readonly TheoryData<string, bool> NoEchoRuns = new()
    {
        { "with a hash key", true },
        { "without a hash key", false },
    };

    [Theory]
    [MemberData(nameof(NoEchoRuns))]
    public async Task Never_prints_a_noecho_param_value(string name, bool withKey)
    {
        var path = project.Write(
            "secret.yaml",
            Template.Replace("Stage:\n    Type: String\n    Default: dev", "Stage:\n    Type: String\n    NoEcho: true", StringComparison.Ordinal));
        var environment = withKey ? new Dictionary<string, string> { ["VERSIONING_MACRO_HASH_KEY"] = "test-key" } : null;

        var json = await CliRun.RunAsync(environment, "transform", path, "--param", "Stage=hunter2");
        var yaml = await CliRun.RunAsync(environment, "transform", path, "--param", "Stage=hunter2", "--format", "yaml");

        (json.ExitCode is 0 or 1).Should().BeTrue($"{name}: {json.Stderr}");
        new[] { json.Stdout, json.Stderr, yaml.Stdout, yaml.Stderr }.Should().AllSatisfy(text => text.Should().NotContain("hunter2", name));
    }

    [Fact]
    public async Task Invoke_prints_the_handler_response_as_json()
    {
        var fragment = TemplateReader.Read(Template, out _);
        fragment.Remove("Transform");
        var request = new JsonObject
        {
            ["region"] = "us-east-1",
            ["accountId"] = "123456789012",
            ["fragment"] = fragment,
            ["transformId"] = "123456789012::VersioningMacro",
            ["params"] = new JsonObject(),
            ["requestId"] = "req-1",
            ["templateParameterValues"] = new JsonObject { ["Stage"] = "dev" },
        };
        var eventPath = project.Write("event.json", request.ToJsonString());

        var run = await CliRun.RunAsync("invoke", eventPath);

        var response = JsonNode.Parse(run.Stdout)!.AsObject();
        var succeeded = response["status"]?.GetValue<string>() == "success";
        run.ExitCode.Should().Be(succeeded ? 0 : 1, run.Stderr);
    }

    [Fact]
    public async Task Cancelling_exits_with_130()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var stderr = new StringWriter();

        var code = await CliApp.RunAsync(["transform", templatePath], new StringWriter(), stderr, _ => null, cancelled.Token);

        code.Should().Be(130);
        stderr.ToString().Should().Contain("cancelled");
    }

    public void Dispose() => project.Dispose();

    private static IEnumerable<string> KeysOf(JsonNode node) => node.AsObject().Select(p => p.Key);

    private string Expand(string text) =>
        text.Replace("{template}", templatePath, StringComparison.Ordinal).Replace("{dir}", project.Path, StringComparison.Ordinal);
}

using System.Text.Json.Nodes;
using MacroVersioning.Cli;
using MacroVersioning.Code;
using MacroVersioning.Core;

namespace MacroVersioning.Tests.Cli;

/// <summary>The command's plumbing, with the core replaced by fabricated results.</summary>
public sealed class TransformCommandTests : IDisposable
{
    private readonly CliTempDirectory project = new();

    private readonly StringWriter stdout = new() { NewLine = "\n" };

    private readonly StringWriter stderr = new() { NewLine = "\n" };

    private readonly FakeCodeSource codeSource = new();

    private readonly List<(string Region, Uri? Endpoint)> sourcesCreated = [];

    private readonly string templatePath;

    public TransformCommandTests() => templatePath = project.Write(
        "app/template.yaml",
        """
        Transform:
          - Name: VersioningMacro
            Parameters:
              CodeIdentity: location
          - AWS::Serverless-2016-10-31
        Parameters:
          Password:
            Type: String
            NoEcho: true
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: src
        """);

    [Fact]
    public async Task Hands_the_core_the_request_and_options_the_cli_promises()
    {
        (MacroRequest Request, TransformOptions Options, bool HadTransform)? seen = null;
        var command = Command((request, options, _, _) =>
        {
            seen = (request, options, request.Fragment.ContainsKey("Transform"));
            return Task.FromResult(new TransformResult(request.Fragment, [], []));
        });
        var key = new byte[] { 1, 2, 3 };

        var code = await command.RunAsync(Request(["Password=pw"], "eu-west-1", CodeIdentityMode.Content, new Uri("http://127.0.0.1:9")), key, CancellationToken.None);

        code.Should().Be(0, stderr.ToString());
        var (request, options, hadTransform) = seen!.Value;
        (request.Region, request.AccountId).Should().Be(("eu-west-1", "123456789012"));
        request.Params.ToJsonString().Should().Be("""{"CodeIdentity":"location"}""");
        hadTransform.Should().BeFalse();
        options.Should().BeEquivalentTo(new TransformOptions(true, Path.Combine(project.Path, "app"), key, CodeIdentityMode.Content));
        sourcesCreated.Should().Equal(("eu-west-1", new Uri("http://127.0.0.1:9")));
    }

    [Fact]
    public async Task Reports_every_problem_and_writes_no_template()
    {
        var command = Command((_, _, _, _) => Task.FromResult(TransformResult.Failure(
        [
            new Problem("Resources.Fn.Properties.CodeUri", "src does not exist"),
            new Problem("Resources.Fn.Properties.Frob", "is not a known property"),
        ])));

        var code = await command.RunAsync(Request(["Password=pw"]), null, CancellationToken.None);

        code.Should().Be(1);
        stdout.ToString().Should().BeEmpty();
        stderr.ToString().Should().EndWith(
            "template rejected: 2 problems\n  Resources.Fn.Properties.CodeUri: src does not exist\n  Resources.Fn.Properties.Frob: is not a known property\n");
    }

    [Fact]
    public async Task Prints_the_summary_after_the_template()
    {
        var command = Command((request, _, _, _) => Task.FromResult(new TransformResult(
            request.Fragment, [], [new FunctionReport("Fn", "FnVersion0123abcd", "code dir-sha256:x, 3 properties")])));

        var code = await command.RunAsync(Request(["Password=pw"]), null, CancellationToken.None);

        code.Should().Be(0);
        stderr.ToString().Should().EndWith("versioned 1 function:\n  Fn  FnVersion0123abcd  hashed: code dir-sha256:x, 3 properties\n");
        JsonNode.Parse(stdout.ToString())!["Transform"]!.GetValue<string>().Should().Be("AWS::Serverless-2016-10-31");
    }

    [Fact]
    public async Task Masks_noecho_values_in_anything_it_prints()
    {
        var command = Command((_, _, _, _) => Task.FromResult(TransformResult.Failure(
            [new Problem("Parameters.Password", "value 'hunter2' is too short")])));

        await command.RunAsync(Request(["Password=hunter2"]), null, CancellationToken.None);

        stderr.ToString().Should().Contain("value '****' is too short").And.NotContain("hunter2");
    }

    [Fact]
    public async Task Turns_a_core_exception_into_a_failure_without_secrets()
    {
        var command = Command((_, _, _, _) => throw new InvalidOperationException("boom near hunter2"));

        var code = await command.RunAsync(Request(["Password=hunter2"]), null, CancellationToken.None);

        code.Should().Be(1);
        stderr.ToString().Should().Contain("internal error").And.Contain("boom near ****").And.NotContain("hunter2");
    }

    [Fact]
    public async Task Shows_progress_while_reading_code()
    {
        var command = Command(async (request, _, source, token) =>
        {
            await source.DigestAsync([new LocalCodeObject("/code/a"), new S3CodeObject("b", "missing.zip", null), new S3CodeObject("b", "k", "v1")], token);
            return new TransformResult(request.Fragment, [], []);
        });

        await command.RunAsync(Request(["Password=pw"]), null, CancellationToken.None);

        stderr.ToString().Should().Contain("reading 3 code objects (2 from S3, 1 local)...\n1 code object could not be read\n");
        codeSource.Calls.Should().ContainSingle();
    }

    [Fact]
    public async Task A_rejected_request_does_not_reach_the_core()
    {
        var called = false;
        var command = Command((request, _, _, _) =>
        {
            called = true;
            return Task.FromResult(new TransformResult(request.Fragment, [], []));
        });

        var code = await command.RunAsync(Request([]), null, CancellationToken.None);

        (code, called).Should().Be((2, false));
        stderr.ToString().Should().Contain("parameter Password has no Default");
    }

    public void Dispose() => project.Dispose();

    private TransformCommand Command(Transformer transformer) =>
        new(stdout, stderr, transformer, (region, endpoint) =>
        {
            sourcesCreated.Add((region, endpoint));
            return codeSource;
        });

    private TransformRequest Request(string[] parameters, string region = "us-east-1", CodeIdentityMode? identity = null, Uri? endpoint = null) =>
        new(
            templatePath,
            [.. parameters.Select(p => p.Split('=', 2)).Select(p => new KeyValuePair<string, string>(p[0], p[1]))],
            region,
            TransformRequest.DefaultAccountId,
            identity,
            TemplateFormat.Json,
            null,
            endpoint,
            null);
}

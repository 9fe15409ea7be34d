namespace MacroVersioning.Tests.Cli;

/// <summary>The help text: where it goes, and that it documents every flag, default and exit code.</summary>
public sealed class CliHelpTests
{
    public static readonly TheoryData<string, string[]> HelpCommands = new()
    {
        { "overview", ["--help"] },
        { "transform", ["transform", "--help"] },
        { "invoke", ["invoke", "-h"] },
        { "diff", ["diff", "--help"] },
        { "help diff", ["help", "diff"] },
        { "help transform", ["help", "transform"] },
    };

    [Theory]
    [MemberData(nameof(HelpCommands))]
    public async Task Help_goes_to_stdout_with_exit_code_0(string name, string[] args)
    {
        var run = await CliRun.RunAsync(args);

        (run.ExitCode, run.Stderr).Should().Be((0, string.Empty), name);
        run.Stdout.Should().Contain("usage:").And.Contain("Exit codes", name);
    }

    public static readonly TheoryData<string> TransformHelpMentions = new()
    {
        "--param Key=Value", "--region", "--account", "--code-identity", "content", "location", "--format json|yaml", "-o, --output",
        "--s3-endpoint", "--hash-key-file", "VERSIONING_MACRO_HASH_KEY", "default: us-east-1", "default: 123456789012",
        "AWS::Serverless-2016-10-31", "NoEcho", "Metadata.VersioningMacro", "  0 ", "  1 ", "  2 ",
    };

    [Theory]
    [MemberData(nameof(TransformHelpMentions))]
    public async Task Transform_help_documents_every_flag_default_and_exit_code(string mention)
    {
        var run = await CliRun.RunAsync("transform", "--help");

        run.Stdout.Should().Contain(mention);
    }

    public static readonly TheoryData<string> DiffHelpMentions = new()
    {
        "diff OLD NEW", "--param Key=Value", "--old-param Key=Value", "--format text|json", "--hash-key-file", "get-template",
        "Processed", "Original", "new version", "unchanged", "added", "removed", "skipped", "Globals.Function.Timeout",
        "parameter Stage", "referenced Table (replacement)", "  0 ", "  1 ", "  2 ", "  3 ",
    };

    [Theory]
    [MemberData(nameof(DiffHelpMentions))]
    public async Task Diff_help_documents_its_flags_statuses_and_exit_codes(string mention)
    {
        var run = await CliRun.RunAsync("diff", "--help");

        run.Stdout.Should().Contain(mention);
    }

    [Fact]
    public async Task The_overview_lists_diff_beside_transform()
    {
        var run = await CliRun.RunAsync("--help");

        run.Stdout.Should().Contain("VersioningMacro diff OLD NEW").And.Contain("diff OLD NEW         which functions");
    }

    public static readonly TheoryData<string> EndpointHelpCommands = new() { "transform", "invoke" };

    /// <summary>For a custom endpoint the S3 client takes keys from the environment or signs nothing (S3ClientFactory); the help says so.</summary>
    [Theory]
    [MemberData(nameof(EndpointHelpCommands))]
    public async Task Help_says_where_s3_endpoint_credentials_come_from(string command)
    {
        var run = await CliRun.RunAsync(command, "--help");

        run.Stdout.Should().Contain("requests are signed with AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY")
            .And.Contain("when set, else unsigned (without it: the AWS default chain)")
            .And.NotContain("credentials come from the AWS default chain");
    }
}

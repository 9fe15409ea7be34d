using MacroVersioning.Tests.Cli;

namespace MacroVersioning.Tests.Diff;

/// <summary>What <c>diff</c> refuses, and the exit code it refuses with.</summary>
public sealed class DiffCommandTests : IDisposable
{
    private const string Template =
        """
        Transform: [VersioningMacro, AWS::Serverless-2016-10-31]
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              InlineCode: "def handler(e, c): return 1"
              Runtime: python3.12
              Handler: index.handler
        """;

    private const string Processed =
        """
        {
          "Resources": {
            "Fn": { "Type": "AWS::Lambda::Function", "Properties": {} },
            "FnVersion0123456789": {
              "Type": "AWS::Lambda::Version",
              "Properties": { "FunctionName": { "Ref": "Fn" }, "Description": "VersioningMacro 0123456789: inline code" }
            }
          }
        }
        """;

    private readonly CliTempDirectory project = new();

    [Fact]
    public async Task A_missing_template_is_a_usage_error_naming_which_side()
    {
        var @new = project.Write("new.yaml", Template);

        var run = await CliRun.RunAsync("diff", Path.Combine(project.Path, "gone.yaml"), @new);

        (run.ExitCode, run.Stdout).Should().Be((2, ""));
        run.Stderr.Should().Contain("error: OLD template").And.Contain("gone.yaml does not exist");
    }

    [Fact]
    public async Task A_processed_new_template_is_refused()
    {
        var old = project.Write("old.yaml", Template);
        var @new = project.Write("new.json", Processed);

        var run = await CliRun.RunAsync("diff", old, @new);

        (run.ExitCode, run.Stdout).Should().Be((2, ""));
        run.Stderr.Should().Contain("was already processed by CloudFormation; give the template you are about to deploy");
    }

    [Fact]
    public async Task A_processed_old_template_compares_version_ids_and_says_why_it_cannot_name_changes()
    {
        var old = project.Write("old.json", Processed);
        var @new = project.Write("new.yaml", Template);

        var run = await CliRun.RunAsync("diff", old, @new, "--format", "json");

        run.ExitCode.Should().Be(1, run.Stderr);
        run.Stdout.Should().Contain("\"status\": \"new version\"").And.Contain("\"oldVersion\": \"FnVersion0123456789\"")
            .And.Contain("get-template --template-stage Original");
    }

    [Fact]
    public async Task A_json_syntax_error_in_old_is_a_failure_with_its_position_not_a_change()
    {
        var old = project.Write("old.json", "{\"Resources\": {,}}");
        var @new = project.Write("new.yaml", Template);

        var run = await CliRun.RunAsync("diff", old, @new);

        (run.ExitCode, run.Stdout).Should().Be((3, ""));
        run.Stderr.Should().Contain("old.json:1:");
    }

    public void Dispose() => project.Dispose();
}

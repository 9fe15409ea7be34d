namespace MacroVersioning.Tests.Cli;

/// <summary><c>-o OUT</c> is a whole result of the latest run, or absent.</summary>
public sealed class OutputFileTests : IDisposable
{
    private const string Good =
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

    private readonly CliTempDirectory project = new();

    [Fact]
    public async Task A_successful_run_replaces_out_and_leaves_no_temporary_file()
    {
        var template = project.Write("template.yaml", Good);
        var output = project.Write("out/template.json", "old content");

        var run = await CliRun.RunAsync("transform", template, "-o", output);

        run.ExitCode.Should().Be(0, run.Stderr);
        File.ReadAllText(output).Should().Contain("AWS::Lambda::Version");
        Directory.GetFiles(Path.GetDirectoryName(output)!).Should().Equal(output);
    }

    [Fact]
    public async Task A_failed_run_removes_the_out_of_an_earlier_run_and_says_so()
    {
        var template = project.Write("template.yaml", Good.Replace("Runtime: python3.12", "Timout: 3"));
        var output = project.Write("out/template.json", "from an earlier, successful run");

        var run = await CliRun.RunAsync("transform", template, "-o", output);

        run.ExitCode.Should().Be(1);
        File.Exists(output).Should().BeFalse();
        run.Stderr.Should().Contain($"removed {output}: it is from an earlier run, and this one failed");
    }

    [Fact]
    public async Task A_failed_run_without_an_earlier_out_creates_nothing()
    {
        var template = project.Write("template.yaml", Good.Replace("Runtime: python3.12", "Timout: 3"));
        var output = Path.Combine(project.Path, "template.json");

        var run = await CliRun.RunAsync("transform", template, "-o", output);

        run.ExitCode.Should().Be(1);
        File.Exists(output).Should().BeFalse();
        run.Stderr.Should().NotContain("removed");
    }

    public void Dispose() => project.Dispose();
}

namespace MacroVersioning.Tests.E2E;

/// <summary>
/// Proves <c>sam_check.py</c> can tell a right macro output from a wrong one, with hand-written
/// samples in <c>E2E/Samples/</c>: <c>pass_*</c> must pass; <c>fail_*</c> must fail and report every
/// line of its <c>must-report.txt</c>, and nothing of its <c>must-not-report.txt</c> (NoEcho values).
/// </summary>
public sealed class SamCheckerSelfTests
{
    public static TheoryData<string> Samples() => [.. SamCheckCases.Samples().Select(c => c.Id)];

    [Fact]
    public void Samples_include_templates_that_must_pass_and_outputs_that_must_fail()
    {
        var names = SamCheckCases.Samples().Select(c => Path.GetFileName(c.Directory)).ToList();

        names.Should().Contain(n => n.StartsWith("pass_", StringComparison.Ordinal))
            .And.Contain(n => n.StartsWith("fail_", StringComparison.Ordinal))
            .And.OnlyContain(n => n.StartsWith("pass_", StringComparison.Ordinal) || n.StartsWith("fail_", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Sample_is_judged_as_its_name_says(string row)
    {
        var sample = SamCheckCases.Samples().Single(c => c.Id == row);
        var mustPass = Path.GetFileName(sample.Directory).StartsWith("pass_", StringComparison.Ordinal);
        var report = await SamCheckRun.ReportAsync();

        var outcome = report.For(row);

        report.ToolError.Should().BeNull();
        outcome.Passed.Should().Be(mustPass, $"{row} is a {(mustPass ? "passing" : "failing")} sample; report:\n{outcome.Text}");
        foreach (var line in Lines(sample, "must-report.txt"))
        {
            outcome.Findings.Should().Contain(f => f.Contains(line, StringComparison.Ordinal), $"{row} must report \"{line}\"; report:\n{outcome.Text}");
        }

        foreach (var secret in Lines(sample, "must-not-report.txt"))
        {
            outcome.Text.Should().NotContain(secret);
        }
    }

    [Theory]
    [MemberData(nameof(MissingTools))]
    public async Task Missing_tools_fail_every_row_with_the_install_command(string python, string[] arguments)
    {
        var runner = new SamCheckRunner(python, arguments);
        var row = SamCheckCases.Samples().First(c => c.Id.StartsWith("sample/pass_", StringComparison.Ordinal));

        var outcome = (await runner.RunAsync([row])).For(row.Id);

        outcome.Passed.Should().BeFalse();
        outcome.Text.Should().Contain(SamCheckRunner.Install);
    }

    public static TheoryData<string, string[]> MissingTools() => new()
    {
        { "python3-that-is-not-installed", [] },
        // -S leaves out site-packages: Python starts but cannot import samtranslator.
        { "python3", ["-S"] },
    };

    private static IEnumerable<string> Lines(SamCheckCase sample, string file)
    {
        var path = Path.Combine(sample.Directory, file);
        return File.Exists(path) ? File.ReadAllLines(path).Where(l => l.Length > 0) : [];
    }
}

using MacroVersioning.Core.Json;
using MacroVersioning.Tests.Cli;
using MacroVersioning.Tests.Golden;

namespace MacroVersioning.Tests.Diff;

/// <summary>
/// Runs <c>diff</c> end to end (CLI, real core, local code folders) on every folder of <c>DiffCases/</c>
/// and compares exit code, stdout and stderr with the stored result. <c>UPDATE_GOLDEN=1</c> rewrites
/// the expected files; review the diff.
/// </summary>
public sealed class DiffGoldenTests
{
    public static TheoryData<string> Cases() => [.. DiffCase.All().Select(c => c.Name)];

    [Fact]
    public void The_cases_the_issue_asks_for_are_there() =>
        DiffCase.All().Select(c => c.Name).Should().Contain(
        [
            "code_change", "config_change_via_globals", "parameter_change", "referenced_resource_replaced",
            "function_added_and_removed", "opt_out", "noecho_parameter_changed", "unchanged",
        ]);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Text_output_and_exit_code_match(string name)
    {
        var diffCase = DiffCase.All().Single(c => c.Name == name);

        var run = await CliRun.RunAsync(diffCase.Arguments());

        var actual = diffCase.Portable($"exit {run.ExitCode}\n--- stdout\n{run.Stdout}--- stderr\n{run.Stderr}");
        await Compare(diffCase.ExpectedText, actual);
        foreach (var secret in diffCase.Secrets)
        {
            (run.Stdout + run.Stderr).Should().NotContain(secret);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Json_output_matches_and_agrees_with_the_exit_code(string name)
    {
        var diffCase = DiffCase.All().Single(c => c.Name == name);

        var run = await CliRun.RunAsync(diffCase.Arguments("--format", "json"));

        if (run.ExitCode is 0 or 1)
        {
            await Compare(diffCase.ExpectedJson, run.Stdout);
            JsonText.Parse(run.Stdout)!["changed"]!.GetValue<bool>().Should().Be(run.ExitCode == 1);
        }
        else
        {
            run.Stdout.Should().BeEmpty();
        }

        foreach (var secret in diffCase.Secrets)
        {
            (run.Stdout + run.Stderr).Should().NotContain(secret);
        }
    }

    private static async Task Compare(string expectedFile, string actual)
    {
        if (Environment.GetEnvironmentVariable(GoldenCase.UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(expectedFile, actual);
        }

        File.Exists(expectedFile).Should().BeTrue($"{expectedFile} must exist (run with {GoldenCase.UpdateVariable}=1 to create it, then review)");
        actual.Should().Be(await File.ReadAllTextAsync(expectedFile));
    }
}

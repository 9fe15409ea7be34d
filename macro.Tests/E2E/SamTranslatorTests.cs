namespace MacroVersioning.Tests.E2E;

/// <summary>
/// Every golden output and every example goes through the real AWS SAM translator and cfn-lint
/// (<c>sam_check.py</c>): SAM's output for the macro's output must equal SAM's output for the
/// original template plus exactly the macro's additions, and lint with no errors (examples: no warnings either). Rows are named
/// <c>fixture/&lt;case&gt;</c> and <c>example/&lt;name&gt;</c>. Missing tools fail the rows with the install command.
/// </summary>
public sealed class SamTranslatorTests
{
    public static TheoryData<string> Rows() => [.. SamCheckCases.Fixtures().Concat(SamCheckCases.Examples()).Select(c => c.Id)];

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Sam_translates_the_macro_output_to_the_original_plus_our_additions_and_it_lints_clean(string row)
    {
        var report = await SamCheckRun.ReportAsync();

        var outcome = report.For(row);

        outcome.Passed.Should().BeTrue($"the end-to-end check of {row} should pass; its report:\n{outcome.Text}");
    }
}

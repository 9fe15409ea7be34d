namespace MacroVersioning.Tests.E2E;

/// <summary>
/// One row of the end-to-end check: an input template and the macro's output for it. Fixtures and
/// samples store that output in <c>expected.json</c>; an example without one gets it from the CLI.
/// </summary>
/// <param name="Id">The row's name in test results, e.g. <c>fixture/classic_two_functions</c>.</param>
/// <param name="CaseFile">The case's <c>case.json</c> (parameters, region, accountId), if any.</param>
/// <param name="WarningsFail">A cfn-lint warning fails the row, not only an error: examples (and the checker's
/// own samples) must lint cleanly, while a golden case may keep a warning its input already has.</param>
internal sealed record SamCheckCase(string Id, string Directory, string Template, string? Expected, string? CaseFile, bool WarningsFail)
{
    public override string ToString() => Id;
}

namespace MacroVersioning.Tests.E2E;

/// <summary>
/// The one check of every row that all end-to-end tests share: started by the first test that asks,
/// awaited by the rest, so the suite pays for one Python start and one cfn-lint run.
/// </summary>
internal static class SamCheckRun
{
    private static readonly Lazy<Task<SamCheckReport>> Shared = new(() => SamCheckRunner.Default.RunAsync(SamCheckCases.All()));

    public static Task<SamCheckReport> ReportAsync() => Shared.Value;
}

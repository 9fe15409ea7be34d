using MacroVersioning.Lambda.Prune;

namespace MacroVersioning.Tests.Prune;

/// <summary>The pruner gets the loop's work budget minus a reserve for delivering the response (a quarter, 1–10 s).</summary>
public sealed class PruneDeadlineTests
{
    [Theory]
    [InlineData(300_000, 288_500)] // budget 298.5 s, reserve capped at 10 s
    [InlineData(10_000, 6_750)]    // budget 9 s, reserve 2.25 s
    [InlineData(3_000, 1_700)]     // budget 2.7 s, reserve at least 1 s
    [InlineData(1_000, 0)]         // budget 0.75 s: less than the reserve
    public void Pruner_budget(long remainingMs, long expectedMs)
    {
        PruneDeadline.PrunerBudget(1_000_000 + remainingMs, 1_000_000).Should().Be(TimeSpan.FromMilliseconds(expectedMs));
    }

    [Fact]
    public void No_deadline_means_no_budget() => PruneDeadline.PrunerBudget(null, 0).Should().BeNull();
}

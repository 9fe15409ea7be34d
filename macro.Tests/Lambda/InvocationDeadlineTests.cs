using MacroVersioning.Lambda;

namespace MacroVersioning.Tests.Lambda;

/// <summary>The work budget left before Lambda's deadline.</summary>
public sealed class InvocationDeadlineTests
{
    private const long Now = 1_700_000_000_000;

    public static TheoryData<string, long?, double?> Budgets => new()
    {
        { "no deadline header", null, null },
        { "Lambda's 3 s default keeps 10%", Now + 3_000, 2_700 },
        { "a 5 s budget keeps 10%", Now + 5_000, 4_500 },
        { "a long timeout keeps at most 1.5 s", Now + 900_000, 898_500 },
        { "1 s keeps at least 250 ms", Now + 1_000, 750 },
        { "exactly the minimum margin left", Now + 250, 0 },
        { "less than the margin left", Now + 100, 0 },
        { "already past", Now - 5_000, 0 },
        { "just past Lambda's longest timeout is capped at it", Now + 902_000, 900_000 },
        { "a deadline centuries away is capped (CancelAfter would throw)", 9_999_999_999_999, 900_000 },
    };

    [Theory]
    [MemberData(nameof(Budgets))]
    public void KeepsAMarginToAnswerBeforeTheDeadline(string name, long? deadline, double? expectedMs) =>
        InvocationDeadline.Budget(deadline, Now).Should().Be(expectedMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null, name);
}

namespace MacroVersioning.Lambda.Prune;

/// <summary>
/// How long the pruner may run: the loop's work budget (<see cref="InvocationDeadline"/>) minus a reserve for
/// delivering the response with its retries. The pruner is cancelled at that point and the handler still
/// answers SUCCESS; a response that never arrives would fail the stack operation after the resource's timeout.
/// </summary>
internal static class PruneDeadline
{
    /// <summary>At least this much is kept back for the response: one PUT of 4 KB and a retry.</summary>
    public static readonly TimeSpan MinReserve = TimeSpan.FromSeconds(1);

    /// <summary>At most this much: five attempts with backoff fit in it.</summary>
    public static readonly TimeSpan MaxReserve = TimeSpan.FromSeconds(10);

    /// <summary>A quarter of the work budget, between <see cref="MinReserve"/> and <see cref="MaxReserve"/>; null without a deadline.</summary>
    public static TimeSpan? PrunerBudget(long? deadlineUnixMs, long nowUnixMs)
    {
        if (InvocationDeadline.Budget(deadlineUnixMs, nowUnixMs) is not { } budget)
        {
            return null;
        }

        var reserve = TimeSpan.FromTicks(Math.Clamp(budget.Ticks / 4, MinReserve.Ticks, MaxReserve.Ticks));
        return budget > reserve ? budget - reserve : TimeSpan.Zero;
    }
}

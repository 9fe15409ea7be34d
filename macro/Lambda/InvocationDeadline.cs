namespace MacroVersioning.Lambda;

/// <summary>
/// How long the handler may work on one invocation. Lambda stops the process at
/// <c>Lambda-Runtime-Deadline-Ms</c> without a word to CloudFormation, which then reports only a
/// timeout; stopping the work a little earlier leaves time to send a failure that says why.
/// </summary>
internal static class InvocationDeadline
{
    /// <summary>
    /// Never keep back more than this: serializing even a 6 MB response and posting it over
    /// loopback takes well under a second, so a long function timeout need not give away more.
    /// </summary>
    public static readonly TimeSpan MaxMargin = TimeSpan.FromMilliseconds(1500);

    /// <summary>Never keep back less than this: below it, even the failure answer may not make it out.</summary>
    public static readonly TimeSpan MinMargin = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Lambda's longest timeout (900 s, https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html).
    /// A deadline further out is not one Lambda sends; capping it keeps <c>CancelAfter</c> in range
    /// (it throws beyond about 49 days) instead of crashing the loop.
    /// </summary>
    public static readonly TimeSpan MaxBudget = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The work budget: the time left minus a margin of 10% of it, kept between
    /// <see cref="MinMargin"/> and <see cref="MaxMargin"/>. Ten percent scales with the function's
    /// timeout, so Lambda's 3-second default still leaves 2.7 s of work. Zero when the margin is
    /// already used up; at most <see cref="MaxBudget"/>; null when Lambda sent no deadline.
    /// </summary>
    public static TimeSpan? Budget(long? deadlineUnixMs, long nowUnixMs)
    {
        if (deadlineUnixMs is not { } deadline)
        {
            return null;
        }

        var remaining = TimeSpan.FromMilliseconds(deadline - nowUnixMs);
        var margin = TimeSpan.FromTicks(Math.Clamp(remaining.Ticks / 10, MinMargin.Ticks, MaxMargin.Ticks));
        return remaining > margin ? TimeSpan.FromTicks(Math.Min((remaining - margin).Ticks, MaxBudget.Ticks)) : TimeSpan.Zero;
    }
}

namespace MacroVersioning.Lambda;

/// <summary>How the loop rides out a failing <c>next</c> call.</summary>
/// <param name="FirstRetryDelay">The wait after the first failure; it doubles with each further one.</param>
/// <param name="MaxRetryDelay">The longest wait between attempts.</param>
/// <param name="MaxConsecutiveNextFailures">
/// After this many failures in a row the loop exits with code 1: the runtime API documents a
/// persistent error as a non-recoverable container state, and Lambda replaces an environment whose
/// process has exited.
/// </param>
internal sealed record RuntimeLoopOptions(TimeSpan FirstRetryDelay, TimeSpan MaxRetryDelay, int MaxConsecutiveNextFailures)
{
    /// <summary>About nine seconds of retries in total before giving up.</summary>
    public static RuntimeLoopOptions Default { get; } = new(TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(2), 10);

    public TimeSpan RetryDelay(int failuresSoFar) =>
        TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, FirstRetryDelay.Ticks << Math.Min(failuresSoFar - 1, 30)));
}

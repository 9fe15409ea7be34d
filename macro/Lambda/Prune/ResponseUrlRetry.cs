namespace MacroVersioning.Lambda.Prune;

/// <summary>How the response PUT is retried: a few attempts, backing off, each bounded.</summary>
/// <param name="MaxAttempts">Attempts in all, the first included.</param>
/// <param name="FirstDelay">The wait before the second attempt; it doubles for each further one.</param>
/// <param name="AttemptTimeout">How long one PUT of at most 4 KB may take before it is abandoned.</param>
internal sealed record ResponseUrlRetry(int MaxAttempts, TimeSpan FirstDelay, TimeSpan AttemptTimeout)
{
    /// <summary>Five attempts over about four seconds of waiting: S3 errors are brief, and the deadline bounds it anyway.</summary>
    public static ResponseUrlRetry Default { get; } = new(5, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));

    public TimeSpan Delay(int failuresSoFar) => TimeSpan.FromTicks(FirstDelay.Ticks << Math.Min(failuresSoFar - 1, 20));
}

using MacroVersioning.Tests.Lambda;

namespace MacroVersioning.Tests.Faults;

/// <summary>One row of the fault matrix: what fails, how long the first invocation has, what must come of it.</summary>
/// <param name="S3">The fault on the object the first invocation reads; null: it reads the good object.</param>
/// <param name="Runtime">Faults armed on the runtime API before the loop starts.</param>
/// <param name="DeadlineMs">The first invocation's deadline, from when it is queued (negative: already past).</param>
/// <param name="Expect">Where the first invocation's answer must go.</param>
/// <param name="Cause">What the failure message must say besides the function and the object.</param>
internal sealed record FaultRow(S3Fault? S3, Action<RuntimeApiStandIn>? Runtime, int DeadlineMs, FaultOutcome Expect, string Cause = "");

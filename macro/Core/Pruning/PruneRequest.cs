namespace MacroVersioning.Core.Pruning;

/// <param name="FunctionName">Name or unqualified ARN of the function whose versions are pruned.</param>
/// <param name="Keep">How many of the macro's newest versions stay (at least 1).</param>
/// <param name="AddedVersion">The version this deployment added (ARN or number); never deleted.</param>
/// <param name="PreviousVersion">The version the stack held before this update; never deleted, a rollback needs it.</param>
/// <param name="DryRun">Decide and report, delete nothing.</param>
internal sealed record PruneRequest(string FunctionName, int Keep, string? AddedVersion, string? PreviousVersion, bool DryRun);

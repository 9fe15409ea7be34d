namespace MacroVersioning.Core.Pruning;

/// <summary>What a prune did: each version it looked at lands in exactly one list.</summary>
/// <param name="Deleted">Version numbers deleted (or, in a dry run, that would be).</param>
/// <param name="Kept">Version numbers kept, each with why.</param>
/// <param name="Failed">Version numbers whose deletion failed, each with the error; skipped, never fatal.</param>
internal sealed record PruneOutcome(IReadOnlyList<string> Deleted, IReadOnlyList<PrunedVersionNote> Kept, IReadOnlyList<PrunedVersionNote> Failed);

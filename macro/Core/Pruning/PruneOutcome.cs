namespace MacroVersioning.Core.Pruning;

/// <summary>What a prune did: each version it looked at lands in exactly one list.</summary>
/// <param name="Deleted">Version numbers deleted (or, in a dry run, that would be).</param>
/// <param name="Kept">Version numbers kept, each with why.</param>
/// <param name="Failed">Version numbers whose deletion failed, each with the error; skipped, never fatal.</param>
internal sealed record PruneOutcome(IReadOnlyList<string> Deleted, IReadOnlyList<PrunedVersionNote> Kept, IReadOnlyList<PrunedVersionNote> Failed)
{
    /// <summary>Versions chosen for deletion but not tried because the deadline came first; a later deployment prunes them.</summary>
    public IReadOnlyList<PrunedVersionNote> NotAttempted { get; init; } = [];

    /// <summary>
    /// Why the prune stopped before deciding (a listing failed, or the deadline came during it): then
    /// nothing was deleted, because a version an alias, a provisioned concurrency configuration or an
    /// event source mapping uses could not be ruled out.
    /// </summary>
    public string? Error { get; init; }
}

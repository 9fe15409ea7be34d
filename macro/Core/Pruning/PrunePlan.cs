namespace MacroVersioning.Core.Pruning;

/// <param name="Delete">Versions to delete, oldest first (so a deadline leaves the newest of them, not the oldest).</param>
/// <param name="Kept">Every other version, each with all its reasons.</param>
internal sealed record PrunePlan(IReadOnlyList<string> Delete, IReadOnlyList<PrunedVersionNote> Kept);

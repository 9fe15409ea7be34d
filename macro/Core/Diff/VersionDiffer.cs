using System.Text.Json.Nodes;

namespace MacroVersioning.Core.Diff;

/// <summary>
/// Compares two transforms of a template, function by function: which ones a deployment of the new
/// template gives a new version, and which hashed inputs moved each id. Pure: both sides are already
/// transformed, with the same hash key.
/// </summary>
public static class VersionDiffer
{
    public const string ProcessedNote =
        "OLD is a processed template, which keeps the version ids but not what was hashed; for the reasons, "
        + "diff against the stack's original template (get-template --template-stage Original)";

    public static IReadOnlyList<FunctionDiff> Compare(TemplateRevision old, TemplateRevision @new)
    {
        var before = old.Functions.ToDictionary(f => f.FunctionId, StringComparer.Ordinal);
        var after = @new.Functions.Select(f => f.FunctionId).ToHashSet(StringComparer.Ordinal);
        // Template order, not report order (the transform reports skipped functions first).
        var order = (@new.Template["Resources"] as JsonObject ?? []).Select((p, i) => (p.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
        var diffs = @new.Functions
            .OrderBy(f => order.GetValueOrDefault(f.FunctionId, int.MaxValue))
            .Select(f => Compare(before.GetValueOrDefault(f.FunctionId), f, old, @new))
            .ToList();
        diffs.AddRange(old.Functions
            .Where(f => !after.Contains(f.FunctionId) && f.Versioned)
            .Select(f => new FunctionDiff(f.FunctionId, DiffStatus.Removed, f.VersionId, null, [])));
        return diffs;
    }

    private static FunctionDiff Compare(FunctionReport? was, FunctionReport now, TemplateRevision old, TemplateRevision @new)
    {
        var id = now.FunctionId;
        if (!now.Versioned)
        {
            var note = was?.VersionId is { } previous ? $"{now.Reason}; was versioned ({previous})" : now.Reason;
            return new FunctionDiff(id, DiffStatus.Skipped, was?.VersionId, null, [], note);
        }

        if (was is null)
        {
            return new FunctionDiff(id, DiffStatus.Added, null, now.VersionId, []);
        }

        if (!was.Versioned)
        {
            return new FunctionDiff(id, DiffStatus.Added, null, now.VersionId, [], $"now versioned; was skipped: {was.Reason}");
        }

        if (was.VersionId == now.VersionId)
        {
            return new FunctionDiff(id, DiffStatus.Unchanged, was.VersionId, now.VersionId, []);
        }

        if (old.Processed || was.Material is null || now.Material is null)
        {
            return new FunctionDiff(id, DiffStatus.NewVersion, was.VersionId, now.VersionId, [], ProcessedNote);
        }

        var changes = MaterialChanges.Name(id, was.Material, now.Material, old, @new);
        return changes.Count > 0
            ? new FunctionDiff(id, DiffStatus.NewVersion, was.VersionId, now.VersionId, changes)
            : new FunctionDiff(id, DiffStatus.NewVersion, was.VersionId, now.VersionId, [], "the hashed inputs are equal; the id algorithm changed");
    }
}

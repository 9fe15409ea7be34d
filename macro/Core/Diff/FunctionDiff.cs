namespace MacroVersioning.Core.Diff;

/// <summary>One function's line in a diff.</summary>
/// <param name="OldVersionId">Its version id in the old template, if it had one.</param>
/// <param name="NewVersionId">Its version id in the new template, if it has one.</param>
/// <param name="Changes">
/// For a new version, the hashed inputs that changed, named as in the template
/// (<c>code bytes</c>, <c>Globals.Function.Timeout</c>, <c>parameter Stage</c>); never a value.
/// </param>
/// <param name="Note">Why a function is skipped, or what could not be explained.</param>
public sealed record FunctionDiff(
    string FunctionId, DiffStatus Status, string? OldVersionId, string? NewVersionId, IReadOnlyList<string> Changes, string? Note = null)
{
    /// <summary>
    /// Whether deploying publishes a version for it or drops one the macro added (an opt-out), which is
    /// what the exit code gates on.
    /// </summary>
    public bool IsChange => Status is DiffStatus.NewVersion or DiffStatus.Added or DiffStatus.Removed || OldVersionId is not null && NewVersionId is null;

    /// <summary>The words for <see cref="Status"/> in the text and JSON output.</summary>
    public string StatusText => Words(Status);

    public static string Words(DiffStatus status) => status switch
    {
        DiffStatus.NewVersion => "new version",
        DiffStatus.Unchanged => "unchanged",
        DiffStatus.Added => "added",
        DiffStatus.Removed => "removed",
        _ => "skipped",
    };
}

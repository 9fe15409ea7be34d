namespace MacroVersioning.Core;

/// <summary>What the transform did with one function, for the CLI summary and the Lambda log line.</summary>
/// <param name="FunctionId">The function's logical id.</param>
/// <param name="VersionId">The added version's logical id; null when the function was skipped.</param>
/// <param name="Reason">Why it was skipped, or what was hashed (never a parameter value).</param>
public sealed record FunctionReport(string FunctionId, string? VersionId, string Reason)
{
    public bool Versioned => VersionId is not null;

    /// <summary>S3 versions pinned in the function's or its layers' code locations, or why one was not.</summary>
    public IReadOnlyList<string> Pins { get; init; } = [];
}

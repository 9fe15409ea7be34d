using System.Text.Json.Nodes;

namespace MacroVersioning.Core;

/// <summary>What the transform did with one function, for the CLI summary and the Lambda log line.</summary>
/// <param name="FunctionId">The function's logical id.</param>
/// <param name="VersionId">The added version's logical id; null when the function was skipped.</param>
/// <param name="Reason">Why it was skipped, or what was hashed (never a parameter value).</param>
/// <param name="Via">
/// For a function SAM versions on our hash: <c>AutoPublishAlias &lt;name&gt;</c>. <see cref="VersionId"/> is then
/// SAM's version id, which SAM adds after the macro (it is not in the macro's output).
/// </param>
public sealed record FunctionReport(string FunctionId, string? VersionId, string Reason, string? Via = null)
{
    public bool Versioned => VersionId is not null;

    /// <summary>S3 versions pinned in the function's or its layers' code locations, or why one was not.</summary>
    public IReadOnlyList<string> Pins { get; init; } = [];

    /// <summary>With <c>KeepVersions</c>: how many of the macro's newest versions its prune resource keeps.</summary>
    public int? KeepVersions { get; init; }

    /// <summary>What deploys but may not do what the author expects (an image pinned by tag); never a reason to fail.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// The canonical material the version id hashes (Code, Config, Layers, References), kept so
    /// <c>diff</c> can name the inputs that changed, not only that the digest did. NoEcho values
    /// in it are already keyed hashes; it never leaves the process.
    /// </summary>
    public JsonObject? Material { get; init; }

    /// <summary>By the values a person reads: the material is what the version id hashes (the same id, the same material), and a JsonObject compares by reference.</summary>
    public bool Equals(FunctionReport? other) =>
        other is not null && FunctionId == other.FunctionId && VersionId == other.VersionId && Reason == other.Reason
        && Via == other.Via && KeepVersions == other.KeepVersions && Pins.SequenceEqual(other.Pins) && Warnings.SequenceEqual(other.Warnings);

    public override int GetHashCode() => HashCode.Combine(FunctionId, VersionId, Reason, Via);
}

using System.Text.Json.Nodes;

namespace MacroVersioning.Core;

/// <summary>What the transform did with one function, for the CLI summary and the Lambda log line.</summary>
/// <param name="FunctionId">The function's logical id.</param>
/// <param name="VersionId">The added version's logical id; null when the function was skipped.</param>
/// <param name="Reason">Why it was skipped, or what was hashed (never a parameter value).</param>
public sealed record FunctionReport(string FunctionId, string? VersionId, string Reason)
{
    public bool Versioned => VersionId is not null;

    /// <summary>
    /// The canonical material the version id hashes (Code, Config, Layers, References), kept so
    /// <c>diff</c> can name the inputs that changed, not only that the digest did. NoEcho values
    /// in it are already keyed hashes; it never leaves the process.
    /// </summary>
    public JsonObject? Material { get; init; }

    /// <summary>By the three values: the material is what the version id hashes (the same id, the same material), and a JsonObject compares by reference.</summary>
    public bool Equals(FunctionReport? other) =>
        other is not null && FunctionId == other.FunctionId && VersionId == other.VersionId && Reason == other.Reason;

    public override int GetHashCode() => HashCode.Combine(FunctionId, VersionId, Reason);
}

namespace MacroVersioning.Core.Emit;

/// <summary>
/// The words for a function's code in the version Description and the summary, read from the hashed
/// code identity itself rather than from where the code came from: the same zip bytes as a local file
/// and as an S3 object both hash as <c>sha256:&lt;digest&gt;</c>, so they must read the same too, or
/// deploying one after the other would change the Version's Description under an unchanged id.
/// </summary>
internal static class CodeKind
{
    public static string Of(string identity) =>
        identity.StartsWith("sha256:", StringComparison.Ordinal) ? "code SHA-256"
        : identity.StartsWith("dir-sha256:", StringComparison.Ordinal) || identity.StartsWith("file-sha256:", StringComparison.Ordinal) ? "local files"
        : identity.StartsWith("s3-location:", StringComparison.Ordinal) ? "S3 location"
        : identity.StartsWith("inline:", StringComparison.Ordinal) ? "inline code"
        : identity.StartsWith("image:", StringComparison.Ordinal) ? "container image"
        : "code identity";
}

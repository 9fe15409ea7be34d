namespace MacroVersioning.Code;

/// <summary>
/// The identity of one code object, or why it could not be read.
/// </summary>
/// <param name="Identity">Stable text that stands for the code in the hash (e.g. <c>sha256:BASE64</c>).</param>
/// <param name="CodeSha256">
/// Base64 SHA-256 exactly as Lambda will report CodeSha256, when known for certain (an S3 object or a
/// zip file hashed byte for byte); null for directory digests, which Lambda never sees as such.
/// </param>
/// <param name="Error">A message naming the object and what to do; the caller adds which function.</param>
public sealed record CodeDigest(string? Identity, string? CodeSha256, string? Error)
{
    /// <summary>
    /// The S3 version whose bytes were hashed, when the bucket keeps versions; null for an unversioned
    /// bucket, for S3's <c>null</c> version (a later upload overwrites it) and for local code. The core
    /// pins it in the template, so CloudFormation deploys exactly these bytes.
    /// </summary>
    public string? ObjectVersion { get; init; }

    public static CodeDigest Exact(string sha256Base64) => new($"sha256:{sha256Base64}", sha256Base64, null);

    public static CodeDigest Failed(string error) => new(null, null, error);
}

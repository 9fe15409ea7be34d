using Amazon.S3;
using Amazon.S3.Model;

namespace MacroVersioning.Code;

/// <summary>
/// Decides whether the SHA-256 checksum S3 stored with an object is the SHA-256 of the whole file,
/// which is exactly what Lambda reports as CodeSha256. A multipart upload stores a COMPOSITE
/// checksum (a hash of the part hashes, shown as <c>BASE64-N</c>) that is not the file's hash.
/// See https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html.
/// </summary>
internal static class StoredChecksum
{
    private const int Sha256Length = 32;

    /// <returns>The base64 full-object SHA-256, or null when the object must be read to know it.</returns>
    public static string? FullObjectSha256(GetObjectMetadataResponse head) =>
        FullObjectSha256(head.ChecksumSHA256, head.ChecksumType?.Value);

    public static string? FullObjectSha256(string? checksum, string? checksumType)
    {
        if (string.IsNullOrEmpty(checksum))
        {
            return null;
        }

        // Objects written before S3 reported a checksum type carry none; a single-part PUT is always
        // FULL_OBJECT, and a composite value gives itself away by its "-N" part-count suffix.
        var typeAllows = checksumType is null || checksumType == ChecksumType.FULL_OBJECT.Value;
        return typeAllows && IsRawSha256(checksum) ? checksum : null;
    }

    private static bool IsRawSha256(string checksum)
    {
        Span<byte> digest = stackalloc byte[Sha256Length + 1];
        return Convert.TryFromBase64String(checksum, digest, out var written) && written == Sha256Length;
    }
}

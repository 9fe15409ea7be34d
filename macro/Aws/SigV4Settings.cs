namespace MacroVersioning.Aws;

/// <summary>
/// How a service wants its canonical request built. Every service but S3 normalizes the path and
/// URI-encodes the (already encoded) path once more; S3 does neither and wants the payload hash in
/// <c>x-amz-content-sha256</c>.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-canonical-request
/// </summary>
/// <param name="NormalizePath">Remove <c>.</c>, <c>..</c> and empty segments before encoding.</param>
/// <param name="EncodePath">URI-encode the path as sent once more (the "double encoding" of non-S3 services).</param>
/// <param name="PayloadHashHeader">Send and sign <c>x-amz-content-sha256</c>.</param>
internal sealed record SigV4Settings(bool NormalizePath, bool EncodePath, bool PayloadHashHeader)
{
    /// <summary>Lambda and the other JSON/REST services.</summary>
    public static SigV4Settings Default { get; } = new(NormalizePath: true, EncodePath: true, PayloadHashHeader: false);

    public static SigV4Settings S3 { get; } = new(NormalizePath: false, EncodePath: false, PayloadHashHeader: true);
}

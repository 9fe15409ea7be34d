using System.Globalization;
using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;

namespace MacroVersioning.Aws;

/// <summary>
/// Signs an <see cref="HttpRequestMessage"/> with AWS Signature Version 4, for calling AWS REST APIs
/// whose SDK package is not available (AWSSDK.Lambda is not served here). We build the canonical
/// request (<see cref="CanonicalRequest"/>); AWSSDK.Core's <c>AWS4Signer.ComputeSignature</c> does the
/// string to sign, the signing key and the signature.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
/// </summary>
internal static class SigV4Signer
{
    public const string DateHeader = "X-Amz-Date";
    public const string TokenHeader = "X-Amz-Security-Token";
    public const string PayloadHashHeader = "X-Amz-Content-SHA256";

    /// <summary>
    /// Adds <c>Host</c>, <c>X-Amz-Date</c>, the session token when the credentials have one, and
    /// <c>Authorization</c>. Signs <c>host</c>, <c>content-type</c>, <c>content-md5</c> and every
    /// <c>x-amz-*</c> header, the ones SigV4 requires or that carry meaning; others (user agent, trace
    /// ids a proxy may add or rewrite) travel unsigned, which SigV4 allows. A body is read into memory
    /// to hash it.
    /// </summary>
    /// <param name="signedAt">The signing time in UTC; AWS refuses a signature more than 5 minutes off.</param>
    public static async Task SignAsync(
        HttpRequestMessage request, ImmutableCredentials credentials, string region, string service, DateTime signedAt, SigV4Settings settings,
        CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new ArgumentException("the request has no URI", nameof(request));
        if (!uri.IsAbsoluteUri)
        {
            throw new ArgumentException("the request URI must be absolute", nameof(request));
        }

        var utc = signedAt.ToUniversalTime();
        request.Headers.Host = uri.IsDefaultPort ? uri.IdnHost : $"{uri.IdnHost}:{uri.Port.ToString(CultureInfo.InvariantCulture)}";
        Replace(request, DateHeader, utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        request.Headers.Remove(TokenHeader);
        if (credentials.UseToken)
        {
            request.Headers.TryAddWithoutValidation(TokenHeader, credentials.Token);
        }

        var payloadHash = request.Content is null
            ? CanonicalRequest.EmptyPayloadHash
            : CanonicalRequest.Hex(SHA256.HashData(await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false)));
        if (settings.PayloadHashHeader)
        {
            Replace(request, PayloadHashHeader, payloadHash);
        }

        var (text, signedHeaders) = CanonicalRequest.Build(
            request.Method.Method, uri.AbsolutePath, uri.Query.TrimStart('?'), SignedHeaders(request), payloadHash, settings);
        var result = AWS4Signer.ComputeSignature(credentials, region, utc, service, signedHeaders, text);
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", result.ForAuthorizationHeader);
    }

    private static IEnumerable<KeyValuePair<string, string>> SignedHeaders(HttpRequestMessage request)
    {
        foreach (var (name, values) in request.Headers.NonValidated)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.StartsWith("x-amz-", StringComparison.OrdinalIgnoreCase))
            {
                yield return new(name, string.Join(',', values));
            }
        }

        if (request.Content is null)
        {
            yield break;
        }

        foreach (var (name, values) in request.Content.Headers.NonValidated)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-MD5", StringComparison.OrdinalIgnoreCase))
            {
                yield return new(name, string.Join(',', values));
            }
        }
    }

    private static void Replace(HttpRequestMessage request, string name, string value)
    {
        request.Headers.Remove(name);
        request.Headers.TryAddWithoutValidation(name, value);
    }
}

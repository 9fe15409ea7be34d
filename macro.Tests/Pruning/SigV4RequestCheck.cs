using System.Globalization;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;
using MacroVersioning.Aws;
using MacroVersioning.Tests.Tools;

namespace MacroVersioning.Tests.Pruning;

/// <summary>
/// What AWS checks of a SigV4 request, for the stand-ins: the Authorization header's shape (key, date,
/// region and service in the scope), <c>X-Amz-Date</c>, <c>host</c> among the signed headers, and the
/// signature recomputed from the request as it arrived on the wire (host with port, encoded path and query).
/// </summary>
internal static partial class SigV4RequestCheck
{
    /// <returns>Null when the request verifies; else the error AWS would answer with.</returns>
    public static (string Type, string Message)? Problem(StandInHttpRequest request, ImmutableCredentials credentials, string region, string service)
    {
        var authorization = request.Headers.GetValueOrDefault("authorization") ?? "";
        var date = request.Headers.GetValueOrDefault("x-amz-date") ?? "";
        var shape = AuthorizationShape().Match(authorization);
        if (!shape.Success || !AmzDate().IsMatch(date) || shape.Groups["date"].Value != date[..8]
            || shape.Groups["key"].Value != credentials.AccessKey || shape.Groups["scope"].Value != $"{region}/{service}")
        {
            return ("MissingAuthenticationTokenException", "missing or malformed SigV4 Authorization / X-Amz-Date");
        }

        var signedHeaders = shape.Groups["headers"].Value;
        var headers = signedHeaders.Split(';').Select(h => KeyValuePair.Create(h, request.Headers.GetValueOrDefault(h) ?? "")).ToList();
        var question = request.Path.IndexOf('?', StringComparison.Ordinal);
        var (canonical, _) = CanonicalRequest.Build(
            request.Method, question < 0 ? request.Path : request.Path[..question], question < 0 ? "" : request.Path[(question + 1)..],
            headers, CanonicalRequest.EmptyPayloadHash, SigV4Settings.Default);
        var signedAt = DateTime.ParseExact(date, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var expected = AWS4Signer.ComputeSignature(credentials, region, signedAt, service, signedHeaders, canonical);
        return !signedHeaders.Split(';').Contains("host") || expected.Signature != shape.Groups["signature"].Value
            ? ("InvalidSignatureException", "The request signature we calculated does not match the signature you provided.")
            : null;
    }

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<key>[A-Z0-9]+)/(?<date>\d{8})/(?<scope>[a-z0-9-]+/[a-z0-9]+)/aws4_request, SignedHeaders=(?<headers>[a-z0-9;-]+), Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationShape();

    [GeneratedRegex(@"^\d{8}T\d{6}Z$")]
    private static partial Regex AmzDate();
}

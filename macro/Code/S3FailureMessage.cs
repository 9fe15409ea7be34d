using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;

namespace MacroVersioning.Code;

/// <summary>
/// Turns what went wrong reading one object into one sentence that names the object, the cause
/// and the fix. The caller prefixes the function that points at it.
/// </summary>
internal static class S3FailureMessage
{
    private static readonly HashSet<string> ThrottlingCodes =
        ["SlowDown", "Throttling", "ThrottlingException", "RequestLimitExceeded", "TooManyRequestsException", "RequestThrottled", "ServiceUnavailable"];

    private static readonly HashSet<string> CredentialCodes =
        ["InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken", "InvalidToken", "TokenRefreshRequired"];

    private static readonly HashSet<string> WrongRegionCodes =
        ["PermanentRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException"];

    private const string NoCredentials =
        "no AWS credentials found to read it with (none in the environment, a profile, web identity or instance metadata); "
        + "sign in (AWS_PROFILE, aws sso login), or preview without reading S3: --code-identity location (hashes the S3 location), "
        + "or --s3-endpoint URL for a local S3";

    /// <param name="where">The region, or the custom endpoint, the read went to.</param>
    /// <param name="cancelled">True when the caller's deadline stopped the read.</param>
    public static string Describe(S3CodeObject code, Exception error, string region, string where, S3ReadOptions options, bool cancelled)
    {
        var cause = cancelled
            ? "reading stopped because the macro ran out of time (the Lambda deadline was near); raise the macro function's Timeout, or set CodeIdentity: location to skip reading S3"
            : error switch
            {
                ObjectReadException read => read.Message,
                AmazonS3Exception s3 => Service(code, s3, region, options),
                _ when error is OperationCanceledException || Find<TimeoutException>(error) is not null =>
                    $"S3 at {where} did not answer in time (time-out); deploy again, and check the network path to S3 if it persists",
                _ when Find<SocketException>(error) is { } socket =>
                    $"could not reach S3 at {where} ({socket.SocketErrorCode}: {socket.Message}); check the endpoint and the network",
                _ when Find<HttpRequestException>(error) is { } http =>
                    $"could not reach S3 at {where} ({http.Message}); check the endpoint and the network",
                // The SDK checks a whole-object GET against an MD5 ETag.
                AmazonClientException { Message: "Expected hash not equal to calculated hash" } =>
                    "the body did not match the object's ETag (MD5): it was corrupted or changed in transit; deploy again",
                // The SDK lists every provider it tried ("Failed to resolve AWS credentials. ... Exception 1 of 4: ...");
                // that dump explains the SDK, not the fix.
                AmazonClientException client when client.Message.Contains("credentials", StringComparison.OrdinalIgnoreCase) => NoCredentials,
                _ => $"could not be read: {error.Message}",
            };
        return $"{code}: {cause}";
    }

    private static string Service(S3CodeObject code, AmazonS3Exception error, string region, S3ReadOptions options)
    {
        var errorCode = error.ErrorCode ?? error.StatusCode.ToString();
        var permissions = code.Version is null ? "s3:GetObject" : "s3:GetObject and s3:GetObjectVersion";
        return errorCode switch
        {
            "NoSuchBucket" =>
                $"bucket {code.Bucket} does not exist (NoSuchBucket); check the bucket name, and that it is in the stack's region ({region}), where Lambda requires it",
            "NoSuchKey" =>
                $"bucket {code.Bucket} has no object {code.Key} (NoSuchKey); package and upload the code first (sam package / aws cloudformation package) or fix the key",
            "NoSuchVersion" =>
                $"object {code.Key} has no version {code.Version} (NoSuchVersion); point the location at an existing version",
            "AccessDenied" or "Forbidden" =>
                $"access denied ({errorCode}): the macro's role needs {permissions} on {code.Bucket}/{code.Key} (and kms:Decrypt if the object is KMS-encrypted), and the bucket must be in the stack's region ({region}); without s3:ListBucket S3 also answers this way for a key that does not exist",
            "PreconditionFailed" =>
                "the object changed while it was being read (its ETag no longer matched); deploy again once the upload has finished",
            _ when WrongRegionCodes.Contains(errorCode) || error.StatusCode == HttpStatusCode.MovedPermanently =>
                $"bucket {code.Bucket} is not in the stack's region ({region}) ({errorCode}); Lambda requires the code bucket in the function's region",
            _ when ThrottlingCodes.Contains(errorCode) || error.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable =>
                $"S3 throttled the read ({errorCode}) through {options.MaxErrorRetry} retries; deploy again in a moment",
            _ when CredentialCodes.Contains(errorCode) =>
                $"S3 rejected the macro's credentials ({errorCode}: {error.Message})",
            "NotFound" =>
                $"not found (HTTP 404); check the bucket, key and version, and that the bucket is in the stack's region ({region})",
            _ when (int)error.StatusCode >= 500 =>
                $"S3 failed with {errorCode} (HTTP {(int)error.StatusCode}) through {options.MaxErrorRetry} retries; deploy again",
            _ => $"S3 refused the read: {errorCode} (HTTP {(int)error.StatusCode}): {error.Message}",
        };
    }

    private static T? Find<T>(Exception? error)
        where T : Exception
    {
        for (; error is not null; error = error.InnerException)
        {
            if (error is T found)
            {
                return found;
            }
        }

        return null;
    }
}

using System.Net;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;

namespace MacroVersioning.Code;

/// <summary>
/// The S3 calls for one object: a HEAD that may already carry the answer, then a single streamed
/// GET or parallel ranged GETs. Every GET is pinned to the HEAD's ETag (If-Match), so an object
/// overwritten mid-read fails instead of hashing a mix of two uploads.
/// </summary>
internal sealed class S3ObjectReader(IAmazonS3 s3, S3ReadOptions options, RangeBufferPool buffers)
{
    /// <summary>
    /// HEAD with checksum mode on, so S3 returns the stored checksum and its type. Needs only
    /// s3:GetObject (s3:GetObjectVersion for a version), unlike GetObjectAttributes.
    /// See https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html.
    /// </summary>
    public async Task<GetObjectMetadataResponse> HeadAsync(S3CodeObject code, CancellationToken cancellationToken)
    {
        try
        {
            return await CallAsync(
                t => s3.GetObjectMetadataAsync(
                    new GetObjectMetadataRequest { BucketName = code.Bucket, Key = code.Key, VersionId = code.Version, ChecksumMode = ChecksumMode.ENABLED },
                    t),
                cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest)
        {
            throw await DiagnoseAsync(code, e, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <returns>The base64 SHA-256 of the object's bytes.</returns>
    public async Task<string> HashAsync(S3CodeObject code, string? etag, long length, CancellationToken cancellationToken)
    {
        if (length <= options.RangedReadThreshold)
        {
            using var response = await CallAsync(t => s3.GetObjectAsync(Get(code, etag, null), t), cancellationToken).ConfigureAwait(false);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await S3Body.HashAsync(response.ResponseStream, hash, length, options.ReadIdleTimeout, cancellationToken).ConfigureAwait(false);
            return Convert.ToBase64String(hash.GetHashAndReset());
        }

        var digest = await OrderedRangeHasher.HashAsync(
            length,
            buffers,
            options.MaxParallelRangesPerObject,
            (offset, count, buffer, t) => FetchRangeAsync(code, etag, offset, count, buffer, t),
            cancellationToken).ConfigureAwait(false);
        return Convert.ToBase64String(digest);
    }

    private async Task FetchRangeAsync(S3CodeObject code, string? etag, long offset, int count, byte[] buffer, CancellationToken cancellationToken)
    {
        var range = new ByteRange(offset, offset + count - 1);
        using var response = await CallAsync(t => s3.GetObjectAsync(Get(code, etag, range), t), cancellationToken).ConfigureAwait(false);
        if (response.ContentLength != count)
        {
            throw new ObjectReadException(
                $"asked for bytes {range.Start}-{range.End} and got {response.ContentLength} bytes; the S3 endpoint must support ranged GETs");
        }

        await S3Body.FillAsync(response.ResponseStream, buffer.AsMemory(0, count), options.ReadIdleTimeout, cancellationToken).ConfigureAwait(false);
    }

    private static GetObjectRequest Get(S3CodeObject code, string? etag, ByteRange? range) =>
        new() { BucketName = code.Bucket, Key = code.Key, VersionId = code.Version, EtagToMatch = etag, ByteRange = range };

    /// <summary>
    /// A HEAD error has no body, so it cannot say whether the bucket, the key or the version is
    /// missing; a one-byte GET returns the error code that can.
    /// </summary>
    private async Task<Exception> DiagnoseAsync(S3CodeObject code, AmazonS3Exception headError, CancellationToken cancellationToken)
    {
        try
        {
            using var probe = await CallAsync(t => s3.GetObjectAsync(Get(code, null, new ByteRange(0, 0)), t), cancellationToken).ConfigureAwait(false);
            return headError;
        }
        catch (AmazonS3Exception e) when (e.ErrorCode is { Length: > 0 } && e.ErrorCode != "InvalidRange")
        {
            return e;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return headError;
        }
    }

    /// <summary>Bounds one S3 call, retries included, and names a time-out as such.</summary>
    private async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(options.CallTimeout);
        try
        {
            return await call(limit.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            // The SDK reports its own per-attempt time-out, once retries are spent, as a TimeoutException.
            var waited = limit.IsCancellationRequested
                ? $"within {options.CallTimeout.TotalSeconds:0.#} s"
                : $"within {options.AttemptTimeout.TotalSeconds:0.#} s on any of {options.MaxErrorRetry + 1} attempts";
            throw new ObjectReadException(
                $"S3 did not answer {waited} (time-out); deploy again, and check the network path to S3 if it persists");
        }
    }
}

using System.Collections.Concurrent;
using Amazon.S3;

namespace MacroVersioning.Code;

/// <summary>
/// Code identity of S3 objects by content: the SHA-256 Lambda will report as CodeSha256
/// (base64 of the raw digest of the zip bytes). Each distinct object is read once per request,
/// several in parallel, and an unchanged object (same ETag) is not read again by this process.
/// See https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-lambda-version.html.
/// </summary>
public sealed class S3ContentSource : ICodeIdentitySource
{
    private readonly IAmazonS3 s3;
    private readonly string region;
    private readonly string where;
    private readonly S3ReadOptions options;
    private readonly S3DigestCache cache;

    internal S3ContentSource(IAmazonS3 s3, string region, Uri? endpoint, S3ReadOptions options, S3DigestCache cache)
    {
        this.s3 = s3;
        this.region = region;
        where = endpoint?.ToString() ?? $"region {region}";
        this.options = options;
        this.cache = cache;
    }

    /// <summary>The real source: the region's S3 (or <paramref name="endpoint"/>), shared client and cache.</summary>
    public static S3ContentSource Create(string region, Uri? endpoint) =>
        new(S3ClientFactory.Shared(region, endpoint), region, endpoint, S3ReadOptions.Default, S3DigestCache.Shared);

    public async Task<IReadOnlyList<CodeDigest>> DigestAsync(IReadOnlyList<CodeObject> objects, CancellationToken cancellationToken)
    {
        var reader = new S3ObjectReader(s3, options, new RangeBufferPool(options.RangeBufferBudget, options.RangeSize));
        var digests = new ConcurrentDictionary<CodeObject, CodeDigest>();
        await Parallel.ForEachAsync(
            objects.Distinct(),
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelObjects },
            async (code, _) => digests[code] = await DigestAsync(reader, code, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        return [.. objects.Select(o => digests[o])];
    }

    private async Task<CodeDigest> DigestAsync(S3ObjectReader reader, CodeObject code, CancellationToken cancellationToken)
    {
        if (code is not S3CodeObject s3Code)
        {
            return CodeDigest.Failed($"{code}: not an S3 object");
        }

        var read = s3Code;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var head = await reader.HeadAsync(s3Code, cancellationToken).ConfigureAwait(false);

            // A location without a version reads "latest", which an upload can replace between this HEAD and
            // the GET: read the version the HEAD answered instead, so the digest is exactly that version's
            // bytes, the version the core then pins in the template.
            var version = s3Code.Version ?? S3VersionId.Pinnable(head.VersionId);
            read = s3Code with { Version = version };
            var entry = head.ETag is { Length: > 0 } etag
                ? new S3DigestCache.Entry(where, read.Bucket, read.Key, read.Version, etag, head.ContentLength)
                : null;
            if (entry is not null && cache.TryGet(entry, out var cached))
            {
                return CodeDigest.Exact(cached) with { ObjectVersion = version };
            }

            var sha256 = StoredChecksum.FullObjectSha256(head)
                ?? await reader.HashAsync(read, head.ETag, head.ContentLength, cancellationToken).ConfigureAwait(false);
            if (entry is not null)
            {
                cache.Add(entry, sha256);
            }

            return CodeDigest.Exact(sha256) with { ObjectVersion = version };
        }
        catch (Exception e)
        {
            // Interface contract: a bad object is a result, never an exception.
            return CodeDigest.Failed(S3FailureMessage.Describe(read, e, region, where, options, cancellationToken.IsCancellationRequested));
        }
    }
}

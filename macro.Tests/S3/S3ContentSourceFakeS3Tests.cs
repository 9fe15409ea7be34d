using System.Net;
using System.Security.Cryptography;
using MacroVersioning.Code;

namespace MacroVersioning.Tests.S3;

/// <summary>The S3 content source through the real SDK against an in-memory S3 (no network).</summary>
public sealed class S3ContentSourceFakeS3Tests
{
    private static readonly byte[] Bytes = DeterministicBytes.Array(5000, 11);
    private static readonly string ETag = FakeS3Handler.ETagOf(Bytes);
    private static readonly string Sha = Convert.ToBase64String(SHA256.HashData(Bytes));
    private static readonly S3CodeObject Code = new("code", "app.zip", null);
    private static readonly S3CodeObject Versioned = new("code", "app.zip", "v1.2");

    [Fact]
    public async Task Stored_full_object_checksum_is_used_without_downloading()
    {
        const string stored = "n6c6oOvAjUw5y/W0J5aYFt7qvY3dOiS1i+HRDJj/ZYo=";
        var s3 = FakeS3Handler.Serving(Bytes, ETag, ("x-amz-checksum-sha256", stored), ("x-amz-checksum-type", "FULL_OBJECT"));

        var digests = await Source(s3).DigestAsync([Code], CancellationToken.None);

        digests.Should().Equal(CodeDigest.Exact(stored));
        s3.Requests.Should().ContainSingle().Which.Should().Match<FakeS3Handler.Recorded>(r => r.Method == "HEAD" && r.Header("x-amz-checksum-mode") == "ENABLED");
    }

    [Fact]
    public async Task Composite_checksum_is_not_the_files_hash_so_the_object_is_read()
    {
        var s3 = FakeS3Handler.Serving(Bytes, ETag, ("x-amz-checksum-sha256", "n6c6oOvAjUw5y/W0J5aYFt7qvY3dOiS1i+HRDJj/ZYo=-2"), ("x-amz-checksum-type", "COMPOSITE"));

        var digests = await Source(s3).DigestAsync([Code], CancellationToken.None);

        digests.Should().Equal(CodeDigest.Exact(Sha));
        s3.Gets.Should().ContainSingle();
    }

    [Fact]
    public async Task Versioned_location_asks_for_that_version_pinned_to_the_heads_etag()
    {
        var s3 = FakeS3Handler.Serving(Bytes, ETag);

        var digests = await Source(s3).DigestAsync([Versioned], CancellationToken.None);

        digests.Should().Equal(CodeDigest.Exact(Sha) with { ObjectVersion = "v1.2" });
        s3.Requests.Select(r => (r.Method, r.Uri.AbsolutePath, r.Uri.Query)).Should().Equal(
            ("HEAD", "/code/app.zip", "?versionId=v1.2"),
            ("GET", "/code/app.zip", "?versionId=v1.2"));
        s3.Gets.Single().Header("If-Match").Should().Be(ETag);
    }

    [Fact]
    public async Task Large_object_ranges_completing_out_of_order_are_hashed_in_order()
    {
        var bytes = DeterministicBytes.Array(10_000, 12);
        var s3 = new FakeS3Handler(async (request, ct) =>
        {
            // Later ranges answer first, so arrival order is the reverse of hashing order.
            var from = request.Headers.Range?.Ranges.Single().From ?? 0;
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(0, 40 - (from / 100))), ct);
            return FakeS3Handler.ObjectResponse(request, bytes, FakeS3Handler.ETagOf(bytes));
        });
        var options = S3ReadOptions.Default with { RangedReadThreshold = 1000, RangeSize = 1024, MaxParallelRangesPerObject = 4, RangeBufferBudget = 4 };

        var digests = await Source(s3, options).DigestAsync([Code], CancellationToken.None);

        digests.Should().Equal(CodeDigest.Exact(Convert.ToBase64String(SHA256.HashData(bytes))));
        s3.Gets.Should().HaveCount(10).And.OnlyContain(r => r.Header("If-Match") == FakeS3Handler.ETagOf(bytes));
        s3.Gets.Select(r => r.Header("Range")).Order().Should().Equal(
            Enumerable.Range(0, 10).Select(i => $"bytes={i * 1024}-{Math.Min(((i + 1) * 1024) - 1, 9999)}").Order());
    }

    [Fact]
    public async Task Unchanged_etag_is_answered_from_the_cache_with_one_head()
    {
        var cache = new S3DigestCache();
        await Source(FakeS3Handler.Serving(Bytes, ETag), cache: cache).DigestAsync([Code], CancellationToken.None);
        var warm = FakeS3Handler.Serving(new byte[Bytes.Length], ETag);

        var digests = await Source(warm, cache: cache).DigestAsync([Code], CancellationToken.None);

        digests.Should().Equal(CodeDigest.Exact(Sha));
        warm.Requests.Select(r => r.Method).Should().Equal("HEAD");
    }

    public static TheoryData<string, S3CodeObject, HttpStatusCode, string, string[]> Errors => new()
    {
        { "no such bucket", Code, HttpStatusCode.NotFound, "NoSuchBucket", ["s3://code/app.zip: bucket code does not exist (NoSuchBucket)", "us-east-1"] },
        { "no such key", Code, HttpStatusCode.NotFound, "NoSuchKey", ["s3://code/app.zip: bucket code has no object app.zip (NoSuchKey)", "sam package"] },
        { "no such version", Versioned, HttpStatusCode.NotFound, "NoSuchVersion", ["s3://code/app.zip?versionId=v1.2: object app.zip has no version v1.2 (NoSuchVersion)"] },
        { "access denied", Code, HttpStatusCode.Forbidden, "AccessDenied", ["s3://code/app.zip: access denied (AccessDenied)", "role needs s3:GetObject on code/app.zip", "stack's region (us-east-1)"] },
        { "access denied to a version", Versioned, HttpStatusCode.Forbidden, "AccessDenied", ["needs s3:GetObject and s3:GetObjectVersion on code/app.zip"] },
        { "bucket in another region", Code, HttpStatusCode.MovedPermanently, "PermanentRedirect", ["bucket code is not in the stack's region (us-east-1)"] },
        // A HEAD error has no body: S3 names throttling and server errors by status alone.
        { "throttled", Code, HttpStatusCode.ServiceUnavailable, "SlowDown", ["s3://code/app.zip: S3 throttled the read (ServiceUnavailable) through 1 retries"] },
        { "server error", Code, HttpStatusCode.InternalServerError, "InternalError", ["S3 failed with InternalServerError (HTTP 500) through 1 retries"] },
        { "rejected credentials", Code, HttpStatusCode.Forbidden, "InvalidAccessKeyId", ["rejected the macro's credentials (InvalidAccessKeyId"] },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task S3_errors_fail_with_a_message_naming_object_cause_and_fix(
        string name, S3CodeObject code, HttpStatusCode status, string errorCode, string[] fragments)
    {
        var s3 = FakeS3Handler.Failing(status, errorCode);

        var digests = await Source(s3, TestSources.Impatient).DigestAsync([code], CancellationToken.None);

        digests.Should().ContainSingle().Which.Error.Should().ContainAll(fragments, because: name);
    }

    [Fact]
    public async Task Throttling_is_retried_before_it_is_reported()
    {
        var s3 = FakeS3Handler.Failing(HttpStatusCode.ServiceUnavailable, "SlowDown");

        await Source(s3, TestSources.Impatient with { MaxErrorRetry = 2 }).DigestAsync([Code], CancellationToken.None);

        s3.Requests.Count(r => r.Method == "HEAD").Should().Be(3);
    }

    [Fact]
    public async Task Object_overwritten_during_the_read_fails_instead_of_mixing_uploads()
    {
        var s3 = new FakeS3Handler((request, _) => Task.FromResult(request.Method == HttpMethod.Head
            ? FakeS3Handler.ObjectResponse(request, Bytes, ETag)
            : FakeS3Handler.ErrorResponse(request, HttpStatusCode.PreconditionFailed, "PreconditionFailed")));

        var digests = await Source(s3).DigestAsync([Code], CancellationToken.None);

        digests.Should().ContainSingle().Which.Error.Should().Be(
            "s3://code/app.zip: the object changed while it was being read (its ETag no longer matched); deploy again once the upload has finished");
    }

    [Fact]
    public async Task Body_that_does_not_match_its_md5_etag_is_reported_as_corrupted()
    {
        var s3 = FakeS3Handler.Serving(Bytes, FakeS3Handler.ETagOf([1, 2, 3]));

        var digests = await Source(s3).DigestAsync([Code], CancellationToken.None);

        digests.Should().ContainSingle().Which.Error.Should().StartWith("s3://code/app.zip: the body did not match the object's ETag (MD5)");
    }

    [Fact]
    public async Task Cancelled_request_fails_every_object_without_calling_s3()
    {
        var s3 = FakeS3Handler.Serving(Bytes, ETag);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var digests = await Source(s3).DigestAsync([Code, Versioned], cancelled.Token);

        digests.Should().HaveCount(2).And.OnlyContain(d => d.Error!.Contains("ran out of time"));
        s3.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Digests_come_back_in_input_order_with_duplicates_filled()
    {
        var other = new S3CodeObject("code", "other.zip", null);
        var otherBytes = DeterministicBytes.Array(700, 13);
        var s3 = new FakeS3Handler((request, _) => Task.FromResult(
            request.RequestUri!.AbsolutePath.EndsWith("other.zip")
                ? FakeS3Handler.ObjectResponse(request, otherBytes, FakeS3Handler.ETagOf(otherBytes))
                : FakeS3Handler.ObjectResponse(request, Bytes, ETag)));

        var digests = await Source(s3).DigestAsync([Code, other, Code], CancellationToken.None);

        var otherSha = Convert.ToBase64String(SHA256.HashData(otherBytes));
        digests.Should().Equal(CodeDigest.Exact(Sha), CodeDigest.Exact(otherSha), CodeDigest.Exact(Sha));
        s3.Gets.Should().HaveCount(2);
    }

    [Fact]
    public async Task Distinct_objects_are_read_in_parallel_up_to_the_bound()
    {
        var bound = S3ReadOptions.Default.MaxParallelObjects;
        var objects = Enumerable.Range(0, 2 * bound).Select(i => new S3CodeObject("code", $"app{i}.zip", null)).ToArray();
        var (reading, peak, sync) = (0, 0, new Lock());
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var s3 = new FakeS3Handler(async (request, ct) =>
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("warm.zip"))
            {
                return FakeS3Handler.ObjectResponse(request, Bytes, ETag);
            }

            if (request.Method == HttpMethod.Head)
            {
                // An object is being read from its HEAD until its GET is answered. Every HEAD waits
                // until `bound` objects are being read at once: reads that never overlap never get
                // past this gate, and a read started beyond the bound while they wait shows in the peak.
                // The gate opens from the back of the thread pool's queue, so reads an unbounded source
                // has already set going reach this handler before the first ones are let through.
                lock (sync)
                {
                    peak = Math.Max(peak, ++reading);
                    if (reading == bound)
                    {
                        ThreadPool.UnsafeQueueUserWorkItem<object?>(_ => gate.TrySetResult(), null, preferLocal: false);
                    }
                }

                await gate.Task.WaitAsync(ct);
                return FakeS3Handler.ObjectResponse(request, Bytes, ETag);
            }

            lock (sync)
            {
                reading--;
            }

            return FakeS3Handler.ObjectResponse(request, Bytes, ETag);
        });
        var source = Source(s3, TestSources.Impatient);
        // A first read builds the client's pipeline, so the gated reads start together rather than one by one.
        await source.DigestAsync([new S3CodeObject("code", "warm.zip", null)], CancellationToken.None);

        // Reads that never overlap time out at the gate and fail the digests; nothing is timed.
        var digests = await source.DigestAsync(objects, CancellationToken.None);

        digests.Should().HaveCount(objects.Length).And.OnlyContain(d => d == CodeDigest.Exact(Sha));
        peak.Should().BeGreaterThan(1).And.BeLessThanOrEqualTo(bound);
        s3.Requests.Count(r => r.Method == "HEAD").Should().Be(objects.Length + 1);
    }

    private static S3ContentSource Source(FakeS3Handler s3, S3ReadOptions? options = null, S3DigestCache? cache = null) =>
        TestSources.For(FakeS3Handler.Endpoint, options, cache, s3.Factory);
}

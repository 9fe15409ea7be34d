using System.Net;
using System.Security.Cryptography;
using MacroVersioning.Code;

namespace MacroVersioning.Tests.S3;

/// <summary>
/// A location without a version, in a versioned bucket: the source reads the version its HEAD
/// answered (not "latest", which an upload may replace between HEAD and GET) and reports it, so the
/// core pins exactly the bytes it hashed. Through the real SDK against an in-memory S3.
/// </summary>
public sealed class S3ContentSourceVersionPinTests
{
    private static readonly byte[] Bytes = DeterministicBytes.Array(5000, 61);
    private static readonly string ETag = FakeS3Handler.ETagOf(Bytes);
    private static readonly string Sha = Convert.ToBase64String(SHA256.HashData(Bytes));
    private static readonly S3CodeObject Latest = new("code", "app.zip", null);

    [Fact]
    public async Task The_get_reads_the_version_the_head_answered_and_the_digest_names_it()
    {
        var s3 = FakeS3Handler.Serving(Bytes, ETag, ("x-amz-version-id", "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY"));

        var digests = await Source(s3).DigestAsync([Latest], CancellationToken.None);

        digests.Should().Equal(CodeDigest.Exact(Sha) with { ObjectVersion = "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY" });
        s3.Requests.Select(r => (r.Method, r.Uri.Query)).Should().Equal(("HEAD", ""), ("GET", "?versionId=3HL4kqtJlcpXroDTDmJ%2BrmSpXd3dIbrHY"));
        s3.Gets.Single().Header("If-Match").Should().Be(ETag);
    }

    [Fact]
    public async Task An_upload_between_head_and_get_does_not_change_the_bytes_hashed()
    {
        var newer = DeterministicBytes.Array(5000, 62);
        var s3 = new FakeS3Handler((request, _) => Task.FromResult(
            request.RequestUri!.Query.Contains("versionId=v1", StringComparison.Ordinal) || request.Method == HttpMethod.Head
                ? FakeS3Handler.ObjectResponse(request, Bytes, ETag, ("x-amz-version-id", "v1"))
                : FakeS3Handler.ObjectResponse(request, newer, FakeS3Handler.ETagOf(newer), ("x-amz-version-id", "v2"))));

        var digests = await Source(s3).DigestAsync([Latest], CancellationToken.None);

        digests.Should().Equal(CodeDigest.Exact(Sha) with { ObjectVersion = "v1" });
    }

    [Fact]
    public async Task A_stored_checksum_answers_for_the_version_the_head_named()
    {
        const string stored = "n6c6oOvAjUw5y/W0J5aYFt7qvY3dOiS1i+HRDJj/ZYo=";
        var s3 = FakeS3Handler.Serving(Bytes, ETag, ("x-amz-checksum-sha256", stored), ("x-amz-checksum-type", "FULL_OBJECT"), ("x-amz-version-id", "v7"));

        var digests = await Source(s3).DigestAsync([Latest], CancellationToken.None);

        digests.Should().Equal(CodeDigest.Exact(stored) with { ObjectVersion = "v7" });
        s3.Gets.Should().BeEmpty();
    }

    [Theory]
    [InlineData("an unversioned bucket sends no version", null)]
    [InlineData("a versioning-suspended bucket's null version is overwritten by the next upload", "null")]
    public async Task No_version_is_reported_when_none_names_immutable_bytes(string why, string? header)
    {
        var s3 = header is null ? FakeS3Handler.Serving(Bytes, ETag) : FakeS3Handler.Serving(Bytes, ETag, ("x-amz-version-id", header));

        var digests = await Source(s3).DigestAsync([Latest], CancellationToken.None);

        digests.Should().Equal([CodeDigest.Exact(Sha)], because: why);
        s3.Gets.Single().Uri.Query.Should().BeEmpty();
    }

    [Fact]
    public async Task A_failed_read_of_the_version_names_it()
    {
        var s3 = new FakeS3Handler((request, _) => Task.FromResult(request.Method == HttpMethod.Head
            ? FakeS3Handler.ObjectResponse(request, Bytes, ETag, ("x-amz-version-id", "v1"))
            : FakeS3Handler.ErrorResponse(request, HttpStatusCode.NotFound, "NoSuchVersion")));

        var digests = await Source(s3).DigestAsync([Latest], CancellationToken.None);

        digests.Single().Error.Should().StartWith("s3://code/app.zip?versionId=v1: ");
    }

    [Fact]
    public async Task A_new_version_with_the_same_etag_is_not_answered_from_the_cache()
    {
        var version = "v1";
        var s3 = new FakeS3Handler((request, _) => Task.FromResult(FakeS3Handler.ObjectResponse(request, Bytes, ETag, ("x-amz-version-id", version))));
        var source = Source(s3, new S3DigestCache());
        await source.DigestAsync([Latest], CancellationToken.None);
        version = "v2";

        var digests = await source.DigestAsync([Latest], CancellationToken.None);

        digests.Should().Equal(CodeDigest.Exact(Sha) with { ObjectVersion = "v2" });
        s3.Gets.Select(r => r.Uri.Query).Should().Equal("?versionId=v1", "?versionId=v2");
    }

    private static S3ContentSource Source(FakeS3Handler s3, S3DigestCache? cache = null) =>
        TestSources.For(FakeS3Handler.Endpoint, S3ReadOptions.Default, cache, s3.Factory);
}

using System.Security.Cryptography;
using MacroVersioning.Code;

namespace MacroVersioning.Tests.S3;

/// <summary>The S3 content source against a real S3 wire protocol (s3rver on loopback).</summary>
[Collection(S3rverCollection.Name)]
public sealed class S3ContentSourceS3rverTests(S3rverFixture fixture)
{
    private const int MiB = 1024 * 1024;

    private static readonly CancellationToken None = CancellationToken.None;

    private S3rverServer Server => fixture.Server;

    public static TheoryData<string, long> Sizes => new()
    {
        { "empty", 0 },
        { "small", 1000 },
        { "at the ranged-read threshold", 16 * MiB },
        { "one byte over the threshold", (16 * MiB) + 1 },
        { "large, not a whole number of ranges", (64 * MiB) + 12_345 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Digest_is_the_sha256_of_the_uploaded_bytes(string name, long size)
    {
        var key = $"sizes/{name}.zip";
        await Server.PutAsync(S3rverFixture.Bucket, key, new DeterministicBytes(size, (ulong)size), None);
        var expected = Convert.ToBase64String(await SHA256.HashDataAsync(new DeterministicBytes(size, (ulong)size)));

        var digests = await TestSources.For(Server.Endpoint).DigestAsync([new S3CodeObject(S3rverFixture.Bucket, key, null)], None);

        digests.Should().Equal(CodeDigest.Exact(expected));
    }

    [Fact]
    public async Task Large_object_is_read_as_contiguous_ranges_pinned_to_its_etag()
    {
        var key = "ranges/large.zip";
        const long size = (40 * MiB) + 7;
        await Server.PutAsync(S3rverFixture.Bucket, key, new DeterministicBytes(size, 40), None);
        await Server.ClearRequestsAsync(None);

        await TestSources.For(Server.Endpoint).DigestAsync([new S3CodeObject(S3rverFixture.Bucket, key, null)], None);

        var gets = (await Server.RequestsAsync(None)).Where(r => r.IsGet).ToList();
        gets.Select(r => r.Range).Should().BeEquivalentTo(
            ["bytes=0-8388607", "bytes=8388608-16777215", "bytes=16777216-25165823", "bytes=25165824-33554431", "bytes=33554432-41943039", "bytes=41943040-41943046"]);
        gets.Should().OnlyContain(r => r.IfMatch != null && r.IfMatch.Trim('"').Length == 32);
    }

    [Fact]
    public async Task Each_distinct_object_is_read_once_however_many_functions_share_it()
    {
        var keys = new[] { "shared/a.zip", "shared/b.zip", "shared/c.zip" };
        foreach (var (key, i) in keys.Select((k, i) => (k, i)))
        {
            await Server.PutAsync(S3rverFixture.Bucket, key, DeterministicBytes.Array(4096 + i, (ulong)(100 + i)), None);
        }

        var objects = Enumerable.Range(0, 100).Select(i => (CodeObject)new S3CodeObject(S3rverFixture.Bucket, keys[i % 3], null)).ToList();
        await Server.ClearRequestsAsync(None);

        var digests = await TestSources.For(Server.Endpoint).DigestAsync(objects, None);

        digests.Should().HaveCount(100).And.OnlyContain(d => d.CodeSha256 != null);
        digests.Distinct().Should().HaveCount(3);
        var requests = await Server.RequestsAsync(None);
        requests.Where(r => r.IsGet).Select(r => r.Path).Should().BeEquivalentTo(keys.Select(k => $"/{S3rverFixture.Bucket}/{k}"));
        requests.Where(r => r.Method == "HEAD").Should().HaveCount(3);
    }

    [Fact]
    public async Task Warm_call_confirms_the_etag_with_a_head_and_rereads_only_changed_objects()
    {
        var cache = new S3DigestCache();
        var unchanged = new S3CodeObject(S3rverFixture.Bucket, "warm/unchanged.zip", null);
        var changed = new S3CodeObject(S3rverFixture.Bucket, "warm/changed.zip", null);
        await Server.PutAsync(unchanged.Bucket, unchanged.Key, DeterministicBytes.Array(2048, 1), None);
        await Server.PutAsync(changed.Bucket, changed.Key, DeterministicBytes.Array(2048, 2), None);
        await TestSources.For(Server.Endpoint, cache: cache).DigestAsync([unchanged, changed], None);
        var newBytes = DeterministicBytes.Array(2048, 3);
        await Server.PutAsync(changed.Bucket, changed.Key, newBytes, None);
        await Server.ClearRequestsAsync(None);

        var digests = await TestSources.For(Server.Endpoint, cache: cache).DigestAsync([unchanged, changed], None);

        digests[1].Should().Be(CodeDigest.Exact(Convert.ToBase64String(SHA256.HashData(newBytes))));
        var requests = await Server.RequestsAsync(None);
        requests.Where(r => r.IsGet).Select(r => r.Path).Should().Equal($"/{changed.Bucket}/{changed.Key}");
        requests.Where(r => r.Method == "HEAD").Should().HaveCount(2);
    }

    [Fact]
    public async Task Versioned_location_sends_the_version_on_every_request()
    {
        // s3rver keeps no versions and serves the current object; what it can show is that the
        // version id travels on the HEAD and the GET (the fake-S3 tests cover NoSuchVersion).
        var bytes = DeterministicBytes.Array(3000, 7);
        await Server.PutAsync(S3rverFixture.Bucket, "versioned/app.zip", bytes, None);
        await Server.ClearRequestsAsync(None);

        var digests = await TestSources.For(Server.Endpoint)
            .DigestAsync([new S3CodeObject(S3rverFixture.Bucket, "versioned/app.zip", "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY")], None);

        digests.Should().Equal(CodeDigest.Exact(Convert.ToBase64String(SHA256.HashData(bytes))) with { ObjectVersion = "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY" });
        var requests = await Server.RequestsAsync(None);
        requests.Select(r => r.Method).Should().Equal("HEAD", "GET");
        requests.Should().OnlyContain(r => r.Url.Contains("versionId=3HL4kqtJlcpXroDTDmJ%2BrmSpXd3dIbrHY"));
    }

    public static TheoryData<string, string, string, string[]> Missing => new()
    {
        { "missing bucket", "no-such-bucket", "app.zip", ["s3://no-such-bucket/app.zip: ", "bucket no-such-bucket does not exist (NoSuchBucket)", "us-east-1"] },
        { "missing key", S3rverFixture.Bucket, "no/such/key.zip", [$"s3://{S3rverFixture.Bucket}/no/such/key.zip: ", "has no object no/such/key.zip (NoSuchKey)", "sam package"] },
    };

    [Theory]
    [MemberData(nameof(Missing))]
    public async Task Missing_object_fails_with_a_message_naming_it(string name, string bucket, string key, string[] fragments)
    {
        var digests = await TestSources.For(Server.Endpoint).DigestAsync([new S3CodeObject(bucket, key, null)], None);

        digests.Should().ContainSingle().Which.Error.Should().ContainAll(fragments, because: name);
    }
}

using MacroVersioning.Code;
using MacroVersioning.Tests.Fakes;

namespace MacroVersioning.Tests.Code;

/// <summary>The real source (and the AWS SDK behind it) is built only when there is code to read, and once.</summary>
public sealed class LazyCodeIdentitySourceTests
{
    public static TheoryData<string, int, int> Rows() => new()
    {
        { "no request: not built", 0, 0 },
        { "only empty requests: not built", 3, 0 },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Builds_nothing_for_nothing_to_read(string name, int emptyRequests, int expectedBuilds)
    {
        var builds = 0;
        var lazy = new LazyCodeIdentitySource(() =>
        {
            builds++;
            return new FakeCodeIdentitySource();
        });

        for (var i = 0; i < emptyRequests; i++)
        {
            (await lazy.DigestAsync([], CancellationToken.None)).Should().BeEmpty(because: name);
        }

        builds.Should().Be(expectedBuilds, because: name);
    }

    [Fact]
    public async Task Builds_once_and_forwards_every_request_with_objects()
    {
        var builds = 0;
        var fake = new FakeCodeIdentitySource().Put("s3://b/one.zip", "one").Put("s3://b/two.zip", "two");
        var lazy = new LazyCodeIdentitySource(() =>
        {
            builds++;
            return fake;
        });

        var first = await lazy.DigestAsync([new S3CodeObject("b", "one.zip", null)], CancellationToken.None);
        await lazy.DigestAsync([], CancellationToken.None);
        var second = await lazy.DigestAsync([new S3CodeObject("b", "two.zip", null)], CancellationToken.None);

        builds.Should().Be(1);
        fake.Calls.Should().HaveCount(2, because: "the empty request in between is answered without the real source");
        first.Single().CodeSha256.Should().Be(FakeCodeIdentitySource.Sha256Base64("one"));
        second.Single().CodeSha256.Should().Be(FakeCodeIdentitySource.Sha256Base64("two"));
    }
}

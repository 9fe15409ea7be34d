using MacroVersioning.Code;

namespace MacroVersioning.Tests.S3;

public sealed class StoredChecksumTests
{
    private const string Sha = "n6c6oOvAjUw5y/W0J5aYFt7qvY3dOiS1i+HRDJj/ZYo=";

    public static TheoryData<string, string?, string?, string?> Rows => new()
    {
        { "full-object type", Sha, "FULL_OBJECT", Sha },
        { "no type reported (single-part upload before checksum types)", Sha, null, Sha },
        { "composite type", Sha, "COMPOSITE", null },
        { "composite part-count suffix without a type", $"{Sha}-3", null, null },
        { "part-count suffix under a full-object type", $"{Sha}-3", "FULL_OBJECT", null },
        { "no checksum stored", null, null, null },
        { "empty checksum", "", "FULL_OBJECT", null },
        { "not a SHA-256 (CRC32 length)", "AAAAAA==", "FULL_OBJECT", null },
        { "not base64", "not base64 at all!", "FULL_OBJECT", null },
        { "unknown future type", Sha, "SOMETHING_NEW", null },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Only_a_full_object_sha256_is_the_files_hash(string name, string? checksum, string? type, string? expected)
    {
        var result = StoredChecksum.FullObjectSha256(checksum, type);

        result.Should().Be(expected, because: name);
    }
}

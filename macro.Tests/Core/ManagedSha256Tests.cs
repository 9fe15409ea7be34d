using System.Security.Cryptography;
using System.Text;
using MacroVersioning.Core.Hashing;

namespace MacroVersioning.Tests.Core;

/// <summary>
/// The version id hashes through <see cref="ManagedSha256"/> (no OpenSSL in a cold start), so it must be
/// SHA-256 and HMAC-SHA256 exactly: published vectors, and agreement with the platform at every length
/// around the padding boundaries.
/// </summary>
public sealed class ManagedSha256Tests
{
    /// <summary>FIPS 180-4 examples (NIST CSRC "Example Values"), and the empty message.</summary>
    public static TheoryData<string, string, string> Vectors() => new()
    {
        { "empty", "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
        { "one block", "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
        { "two blocks", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
        {
            "896-bit message",
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Hashes_the_published_vectors(string name, string message, string expectedHex) =>
        Convert.ToHexStringLower(ManagedSha256.HashData(Encoding.ASCII.GetBytes(message))).Should().Be(expectedHex, because: name);

    [Fact]
    public void Hashes_a_million_a() =>
        Convert.ToHexStringLower(ManagedSha256.HashData(Encoding.ASCII.GetBytes(new string('a', 1_000_000))))
            .Should().Be("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");

    [Fact]
    public void Agrees_with_the_platform_at_every_length_up_to_four_blocks()
    {
        var random = new Random(12);
        for (var length = 0; length <= 260; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            ManagedSha256.HashData(data).Should().Equal(SHA256.HashData(data), because: $"a {length}-byte message");
        }
    }

    /// <summary>RFC 4231 test cases 1, 2, 3, 6 and 7 (6 and 7: a 131-byte key, longer than a block, hashed first).</summary>
    public static TheoryData<string, string, string, string> HmacVectors() => new()
    {
        { "case 1", "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", Convert.ToHexString("Hi There"u8), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7" },
        { "case 2", Convert.ToHexString("Jefe"u8), Convert.ToHexString("what do ya want for nothing?"u8), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843" },
        { "case 3", new string('a', 40), new string('d', 100), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe" },
        {
            "case 6", new string('a', 262), Convert.ToHexString("Test Using Larger Than Block-Size Key - Hash Key First"u8),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        },
        {
            "case 7", new string('a', 262),
            Convert.ToHexString("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."u8),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
        },
    };

    [Theory]
    [MemberData(nameof(HmacVectors))]
    public void Hmacs_the_rfc_4231_vectors(string name, string keyHex, string messageHex, string expectedHex) =>
        Convert.ToHexStringLower(ManagedSha256.HmacData(Convert.FromHexString(keyHex), Convert.FromHexString(messageHex)))
            .Should().Be(expectedHex, because: name);

    [Fact]
    public void Hmac_agrees_with_the_platform_for_keys_around_the_block_size()
    {
        var random = new Random(4231);
        foreach (var keyLength in new[] { 0, 1, 32, 63, 64, 65, 200 })
        {
            var key = new byte[keyLength];
            var message = new byte[keyLength * 3 % 150];
            random.NextBytes(key);
            random.NextBytes(message);
            ManagedSha256.HmacData(key, message).Should().Equal(HMACSHA256.HashData(key, message), because: $"a {keyLength}-byte key");
        }
    }
}

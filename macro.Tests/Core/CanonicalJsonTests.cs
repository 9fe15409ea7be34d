using MacroVersioning.Core.Hashing;

namespace MacroVersioning.Tests.Core;

public sealed class CanonicalJsonTests
{
    public static TheoryData<string, string, string> Rows() => new()
    {
        { "keys sorted ordinally", """{"b":1,"a":{"d":true,"C":null}}""", """{"a":{"C":null,"d":"true"},"b":"1"}""" },
        { "scalars as strings", """[128,"128",false,1.50]""", """["128","128","false","1.50"]""" },
        { "list order kept", """["z","a"]""", """["z","a"]""" },
        { "non-ASCII kept", """{"k":"café"}""", """{"k":"café"}""" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Serializes_canonically(string name, string input, string expected) =>
        CanonicalJson.Serialize(Transform.Parse($$"""{"v":{{input}}}""")["v"]).Should().Be(expected, because: name);

    [Fact]
    public void Hash_of_known_material_is_pinned() =>
        VersionHash.Compute(Transform.Parse("""{"Code":"sha256:abc","Config":{"Runtime":"python3.12"}}""")).Should().Be("a3cf45c5ec", because: "sha256 of the canonical text, first 10 hex (checked with python hashlib)");
}

using System.Text.Json;
using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;
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
        { "quotes, backslashes and controls escaped", """{"k\"\\":"a\nb\t\u0001"}""", """{"k\"\\":"a\nb\t\u0001"}""" },
        { "HTML characters kept, non-BMP escaped", """["<a href='x'>&</a>","😀"]""", """["<a href='x'>&</a>","\uD83D\uDE00"]""" },
        { "empty containers", """{"a":{},"b":[]}""", """{"a":{},"b":[]}""" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Serializes_canonically(string name, string input, string expected) =>
        CanonicalJson.Serialize(Transform.Parse($$"""{"v":{{input}}}""")["v"]).Should().Be(expected, because: name);

    public static TheoryData<string> Strings() => ["plain", "quote \" backslash \\", "line\nbreak", "\u0000\u001f\u007f", "<&>'+`", "\u2028\u2029", "é ü ß 中文", "😀 non-BMP", "\u00a0\u00ad"];

    /// <summary>The canonical text is part of the id contract: strings are escaped exactly as JsonSerializer with JsonText.Compact does.</summary>
    [Theory]
    [MemberData(nameof(Strings))]
    public void Escapes_strings_like_the_serializer(string text)
    {
        var node = new JsonObject { [text] = text };
        var expected = $"{{{JsonSerializer.Serialize(text, JsonText.Compact)}:{JsonSerializer.Serialize(text, JsonText.Compact)}}}";

        CanonicalJson.Serialize(node).Should().Be(expected);
    }

    [Fact]
    public void Hash_of_known_material_is_pinned() =>
        VersionHash.Compute(Transform.Parse("""{"Code":"sha256:abc","Config":{"Runtime":"python3.12"}}""")).Should().Be("a3cf45c5ec", because: "sha256 of the canonical text, first 10 hex (checked with python hashlib)");
}

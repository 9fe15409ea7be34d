using System.Text.Json.Nodes;
using MacroVersioning.Cli;

namespace MacroVersioning.Tests.Cli;

public sealed class CfnJsonWriterTests
{
    public static readonly TheoryData<string, string, string> Cases = new()
    {
        {
            "nested, 2-space indent, key order, trailing newline",
            """{"b":{"z":1,"a":[true,null,"x"]},"a":"y"}""",
            "{\n  \"b\": {\n    \"z\": 1,\n    \"a\": [\n      true,\n      null,\n      \"x\"\n    ]\n  },\n  \"a\": \"y\"\n}\n"
        },
        { "empty containers", """{"o":{},"a":[]}""", "{\n  \"o\": {},\n  \"a\": []\n}\n" },
        { "number text kept", """{"n":[1.50,1e3,-0,123456789012345678901234567890]}""", "{\n  \"n\": [\n    1.50,\n    1e3,\n    -0,\n    123456789012345678901234567890\n  ]\n}\n" },
        { "non-ASCII unescaped", """{"s":"déjà 日本 😀 <&>'"}""", "{\n  \"s\": \"déjà 日本 😀 <&>'\"\n}\n" },
        { "required escapes", """{"s":"q\" b\\ n\n t\t c\u0001"}""", "{\n  \"s\": \"q\\\" b\\\\ n\\n t\\t c\\u0001\"\n}\n" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Writes_indented_json(string name, string json, string expected)
    {
        var written = CfnJsonWriter.Write(JsonNode.Parse(json));

        written.Should().Be(expected, name);
        JsonNode.DeepEquals(JsonNode.Parse(written), JsonNode.Parse(json)).Should().BeTrue(name);
    }

    [Fact]
    public void Escapes_a_lone_surrogate_that_utf8_would_replace()
    {
        var written = CfnJsonWriter.Write(new JsonObject { ["s"] = "\ud800x" });

        written.Should().Be("{\n  \"s\": \"\\ud800x\"\n}\n");
    }
}

using MacroVersioning.Cli;

namespace MacroVersioning.Tests.Cli;

public sealed class RedactingWriterTests
{
    public static readonly TheoryData<string, string[], string, string> Cases = new()
    {
        { "masks a secret", ["hunter2"], "value 'hunter2' is bad", "value '****' is bad" },
        { "masks every occurrence", ["s3cr3t"], "s3cr3t and s3cr3t", "**** and ****" },
        { "masks inside a longer word too", ["hunter2"], "xhunter2y", "x****y" },
        { "masks the longer of overlapping secrets", ["abc", "abcdef"], "x abcdef y abc", "x **** y ****" },
        { "treats special characters literally", ["a.b*c"], "axb*c a.b*c", "axb*c ****" },
        { "no secrets, no change", [], "plain text", "plain text" },
        { "empty secret ignored", [""], "plain text", "plain text" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Masks_every_occurrence_of_a_secret(string name, string[] secrets, string text, string expected)
    {
        var inner = new StringWriter();
        using (var writer = new RedactingWriter(inner, secrets))
        {
            writer.WriteLine(text);
        }

        inner.ToString().Should().Be(expected + Environment.NewLine, name);
    }

    [Fact]
    public void Catches_a_secret_written_in_pieces()
    {
        var inner = new StringWriter();
        var writer = new RedactingWriter(inner, ["hunter2"]);

        writer.Write("pass: hun");
        writer.Write('t');
        writer.Write("er2\nnext");
        var beforeFlush = inner.ToString();
        writer.Flush();

        beforeFlush.Should().Be("pass: ****\n");
        inner.ToString().Should().Be("pass: ****\nnext");
    }
}

using System.Text.Json;
using MacroVersioning.Core.Json;

namespace MacroVersioning.Tests.Core;

/// <summary>The shared parser refuses, as a <see cref="JsonException"/>, what the stages after it could not read.</summary>
public sealed class JsonTextTests
{
    public static TheoryData<string, string> Unreadable() => new()
    {
        { "repeated key", """{"a":1,"a":2}""" },
        { "lone surrogate in a key", """{"a\ud800":1}""" },
        { "nested past the limit", new string('[', JsonText.MaxDepth + 1) + new string(']', JsonText.MaxDepth + 1) },
        { "not JSON", "{a:1}" },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void Parse_refuses_with_a_JsonException(string name, string text) =>
        FluentActions.Invoking(() => JsonText.Parse(text)).Should().Throw<JsonException>(because: name);

    [Fact]
    public void What_parses_also_writes()
    {
        var deepest = JsonText.Parse(new string('[', JsonText.MaxDepth) + new string(']', JsonText.MaxDepth));

        JsonText.ToCompact(deepest).Should().HaveLength(2 * JsonText.MaxDepth);
        JsonText.ToIndented(deepest).Should().EndWith("]\n");
    }

    [Fact]
    public void Parse_reads_nesting_up_to_the_limit() =>
        JsonText.Parse(new string('[', JsonText.MaxDepth) + new string(']', JsonText.MaxDepth)).Should().NotBeNull();
}

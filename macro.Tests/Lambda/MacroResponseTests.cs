using System.Text.Json.Nodes;
using MacroVersioning.Core;
using MacroVersioning.Lambda;

namespace MacroVersioning.Tests.Lambda;

/// <summary>How problems become the one errorMessage CloudFormation shows.</summary>
public sealed class MacroResponseTests
{
    public static TheoryData<string, Problem[], string> Messages => new()
    {
        { "one located problem", [new Problem("Resources.Fn.Properties.Runtime", "expected a string")], "Resources.Fn.Properties.Runtime: expected a string" },
        { "one unlocated problem", [new Problem(string.Empty, "the request body is empty")], "the request body is empty" },
        { "two problems, in order", [new Problem("A", "one"), new Problem("B", "two")], "2 problems: A: one; B: two" },
        { "a long problem is shortened", [new Problem("P", new string('m', 2000))], "P: " + new string('m', MacroResponse.MaxProblemChars - 4) + "…" },
        { "a cut falls before a surrogate pair, not through it", [new Problem("P", new string('m', MacroResponse.MaxProblemChars - 5) + "🚀🚀")], "P: " + new string('m', MacroResponse.MaxProblemChars - 5) + "…" },
        { "a lone surrogate quoted in a problem is shown as its escape", [new Problem("Resources.Fn", "bad name: X\uD800Y")], "Resources.Fn: bad name: X\\uD800Y" },
    };

    /// <summary>Fragments the writer refuses: a string that is not text (parsed lazily, so it throws only when written).</summary>
    public static TheoryData<string, string> UnwritableFragments => new()
    {
        { "a lone high surrogate in a value", """{"Resources":{"Fn":{"Properties":{"Handler":"\ud800"}}}}""" },
        { "a lone low surrogate in a value", """{"Resources":{"Fn":{"Properties":{"Handler":"a\udc00b"}}}}""" },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void JoinsProblemsAsPathAndMessage(string name, Problem[] problems, string expected) =>
        MacroResponse.ErrorMessage(problems, SecretRedactor.None).Should().Be(expected, name);

    [Fact]
    public void ManyProblemsStopUnderTheLimitAndSayHowManyMore()
    {
        var problems = Enumerable.Range(1, 100).Select(i => new Problem($"Resources.Fn{i:D3}", new string('x', 90))).ToArray();

        var message = MacroResponse.ErrorMessage(problems, SecretRedactor.None);

        message.Length.Should().BeLessThanOrEqualTo(MacroResponse.MaxErrorMessageChars);
        message.Should().StartWith("100 problems: Resources.Fn001: ");
        var shown = message.Split("; ").Count(part => part.Contains("Resources.Fn", StringComparison.Ordinal));
        message.Should().EndWith($"; … and {100 - shown} more (the CLI's transform command lists them all)");
    }

    [Fact]
    public void AMessageWithAnyProblemTextIsWritable()
    {
        var problems = new[] { new Problem("P", new string('m', MacroResponse.MaxProblemChars - 5) + "🚀🚀"), new Problem("Q", "X\uDC00") };

        var json = MacroResponse.Failure("req-1", [], problems, SecretRedactor.None);

        JsonNode.Parse(json)!["errorMessage"]!.GetValue<string>().Should().Be("2 problems: P: " + new string('m', MacroResponse.MaxProblemChars - 5) + "…; Q: X\\uDC00");
    }

    [Theory]
    [MemberData(nameof(UnwritableFragments))]
    public void AFailureWhoseFragmentCannotBeWrittenEchoesAnEmptyFragmentInstead(string name, string fragment)
    {
        var json = MacroResponse.Failure("req-1", JsonNode.Parse(fragment)!.AsObject(), [new Problem("P", "bad")], SecretRedactor.None);

        var response = JsonNode.Parse(json)!;
        response["requestId"]!.GetValue<string>().Should().Be("req-1", name);
        response["fragment"]!.AsObject().Should().BeEmpty(name);
        response["errorMessage"]!.GetValue<string>().Should().Be("P: bad", name);
    }

    [Theory]
    [MemberData(nameof(UnwritableFragments))]
    public void ASuccessWhoseFragmentCannotBeWrittenIsAProblemNotAThrow(string name, string fragment)
    {
        var (json, problem) = MacroResponse.Success("req-1", JsonNode.Parse(fragment)!.AsObject());

        json.Should().BeNull(name);
        problem!.Path.Should().Be("fragment", name);
        problem.Message.Should().StartWith("the transformed template could not be written as JSON", name);
    }
}

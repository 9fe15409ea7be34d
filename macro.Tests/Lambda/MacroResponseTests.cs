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
}

using System.Text.RegularExpressions;
using MacroVersioning.Core.Emit;

namespace MacroVersioning.Tests.Core;

/// <summary>Logical ids are checked as the whole-string pattern \A[A-Za-z0-9]+\z (and the 255-character limit) checks them.</summary>
public sealed class LogicalIdTests
{
    public static TheoryData<string, string, bool> Rows() => new()
    {
        { "letters and digits", "Func1Version0a1b2c3d4e", true },
        { "one character", "a", true },
        { "empty", "", false },
        { "hyphen", "my-func", false },
        { "underscore", "my_func", false },
        { "non-ASCII letter", "Fünf", false },
        { "fullwidth digit", "Func１", false },
        { "space", "Func 1", false },
        { "one final newline", "Func1\n", false },
        { "only a newline", "\n", false },
        { "two final newlines", "Func1\n\n", false },
        { "newline inside", "Fu\nnc", false },
        { "255 characters", new string('a', 255), true },
        { "256 characters", new string('a', 256), false },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Accepts_what_the_pattern_accepts(string name, string id, bool valid)
    {
        LogicalId.IsValid(id).Should().Be(valid, because: name);
        LogicalId.IsValid(id).Should().Be(id.Length <= LogicalId.MaxLength && Regex.IsMatch(id, @"\A[A-Za-z0-9]+\z"), because: name);
    }
}

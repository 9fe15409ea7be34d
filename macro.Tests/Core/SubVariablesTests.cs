using MacroVersioning.Core.Resolution;

namespace MacroVersioning.Tests.Core;

/// <summary>Fn::Sub variables are found as the pattern \$\{([^}]*)\} finds them.</summary>
public sealed class SubVariablesTests
{
    public static TheoryData<string, string, string, bool> Rows() => new()
    {
        { "no variable", "plain text", "plain text", false },
        { "one variable", "a-${Stage}-b", "a-<Stage|${Stage}>-b", true },
        { "two variables, adjacent", "${A}${B}", "<A|${A}><B|${B}>", true },
        { "text before and after", "x${A}y${B}z", "x<A|${A}>y<B|${B}>z", true },
        { "unclosed: kept", "a-${Stage", "a-${Stage", false },
        { "closed then unclosed", "${A}-${B", "<A|${A}>-${B", true },
        { "no nesting: up to the first brace", "${a${b}}", "<a${b|${a${b}>}", true },
        { "literal marker passed as the name", "${!Literal}", "<!Literal|${!Literal}>", true },
        { "empty name", "${}", "<|${}>", true },
        { "dollar without brace", "$A {B}", "$A {B}", false },
        { "attribute names keep their dots", "${Res.Arn}", "<Res.Arn|${Res.Arn}>", true },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Replaces_each_variable(string name, string template, string expected, bool any)
    {
        SubVariables.Replace(template, (variable, whole) => $"<{variable}|{whole}>").Should().Be(expected, because: name);
        SubVariables.Any(template).Should().Be(any, because: name);
    }
}

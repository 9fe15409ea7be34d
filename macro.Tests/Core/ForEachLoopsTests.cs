namespace MacroVersioning.Tests.Core;

/// <summary>
/// Fn::ForEach in Resources reaches the macro unexpanded when it is listed before AWS::LanguageExtensions:
/// loops that make functions or layers are named with the fix, every other loop is left to that transform.
/// </summary>
public sealed class ForEachLoopsTests
{
    private const string Plain = """ "Plain":{"Type":"AWS::Serverless::Function","Properties":{"CodeUri":"s3://b/a.zip","Handler":"a.h","Runtime":"python3.12"}}""";

    private const string Fix = "List AWS::LanguageExtensions before VersioningMacro so the loop is expanded first: Transform: [AWS::LanguageExtensions, VersioningMacro, AWS::Serverless-2016-10-31]";

    public static TheoryData<string, string, string?> Rows() => new()
    {
        { "SAM functions", """ "Fn::ForEach::F":["N",["A","B"],{"${N}Fn":{"Type":"AWS::Serverless::Function","Properties":{"CodeUri":"s3://b/a.zip"}}}]""", "Resources.Fn::ForEach::F: makes AWS::Serverless::Function resources" },
        { "Lambda functions", """ "Fn::ForEach::F":["N",["A"],{"${N}Fn":{"Type":"AWS::Lambda::Function","Properties":{}}}]""", "Resources.Fn::ForEach::F: makes AWS::Lambda::Function resources" },
        { "Nested loop of functions", """ "Fn::ForEach::Outer":["N",["A"],{"Fn::ForEach::Inner":["M",["x"],{"${N}${M}":{"Type":"AWS::Serverless::Function"}}]}]""", "Resources.Fn::ForEach::Outer: makes AWS::Serverless::Function resources" },
        { "Layers the functions would hash", """ "Fn::ForEach::L":["N",["A"],{"${N}Layer":{"Type":"AWS::Serverless::LayerVersion","Properties":{"ContentUri":"s3://b/l.zip"}}}]""", "Resources.Fn::ForEach::L: makes AWS::Serverless::LayerVersion resources" },
        { "Topics only: harmless", """ "Fn::ForEach::T":["N",["A","B"],{"${N}Topic":{"Type":"AWS::SNS::Topic"}}]""", null },
        { "Malformed loop: left to AWS::LanguageExtensions", """ "Fn::ForEach::Bad":{"N":"A"}""", null },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Loops_that_make_functions_or_layers_are_named_with_the_fix(string name, string loop, string? expected)
    {
        var fragment = Transform.Parse("{\"Resources\":{" + Plain + "," + loop + "}}");

        var result = Transform.Run(fragment);

        if (expected is null)
        {
            result.Succeeded.Should().BeTrue(name);
            result.Functions.Should().ContainSingle(f => f.Versioned, name);
        }
        else
        {
            result.Problems.Select(p => p.ToString()).Should().ContainSingle(name).Which.Should().StartWith(expected).And.EndWith(Fix);
        }
    }

    [Fact]
    public void A_loop_in_Outputs_is_harmless()
    {
        var fragment = Transform.Parse("{\"Resources\":{" + Plain + """},"Outputs":{"Fn::ForEach::O":["N",["A"],{"${N}Out":{"Value":"x"}}]}}""");

        Transform.Run(fragment).Succeeded.Should().BeTrue();
    }
}

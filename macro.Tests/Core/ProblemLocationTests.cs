using MacroVersioning.Core;

namespace MacroVersioning.Tests.Core;

/// <summary>Problems are reported where they are written: once at Globals.Function, not at every function.</summary>
public sealed class ProblemLocationTests
{
    private static readonly string[] ThreeFunctions = ["A", "B", "C"];

    private static string Template(string globals, string local = "") =>
        $$"""
        {
          "Parameters": { "Secret": { "Type": "String", "NoEcho": true } },
          "Globals": { "Function": { {{globals}} } },
          "Resources": {
            {{string.Join(",\n", ThreeFunctions.Select(id => $$"""
            "{{id}}": { "Type": "AWS::Serverless::Function", "Properties": { "CodeUri": "s3://bucket/app.zip", "Runtime": "python3.12", "Handler": "app.handler" {{local}} } }
            """))}}
          }
        }
        """;

    [Fact]
    public void An_unknown_property_in_globals_is_reported_once_at_globals_with_did_you_mean()
    {
        var result = Transform.Run(Transform.Parse(Template("\"Timout\": 30")));

        result.Problems.Should().Equal(new Problem(
            "Globals.Function.Timout", "did you mean Timeout? AWS::Serverless::Function has no property Timout"));
    }

    [Fact]
    public void A_bad_value_in_globals_is_reported_once_at_globals()
    {
        var result = Transform.Run(
            Transform.Parse(Template("\"Environment\": { \"Variables\": { \"KEY\": { \"Ref\": \"Secret\" } } }")), Transform.Parse("""{"Secret": "hunter2"}"""));

        result.Problems.Should().ContainSingle().Which.Path.Should().Be("Globals.Function.Environment.Variables.KEY");
        result.Problems[0].Message.Should().Contain("NoEcho parameter Secret").And.NotContain("hunter2");
    }

    [Fact]
    public void A_property_the_function_sets_itself_is_reported_at_the_function()
    {
        var result = Transform.Run(Transform.Parse(Template("\"Timeout\": 3", ", \"Enviroment\": {}")));

        result.Problems.Select(p => p.Path).Should().Equal(ThreeFunctions.Select(id => $"Resources.{id}.Properties.Enviroment"));
        result.Problems.Should().OnlyContain(p => p.Message.StartsWith("did you mean Environment?", StringComparison.Ordinal));
    }
}

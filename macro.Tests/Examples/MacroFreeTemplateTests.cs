namespace MacroVersioning.Tests.Examples;

public sealed class MacroFreeTemplateTests
{
    private const string Function = "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n";

    public static TheoryData<string, string, string[], string[]> Rows() => new()
    {
        { "macro alone", "Transform: VersioningMacro\n" + Function, ["Resources:"], ["Transform", "VersioningMacro"] },
        { "macro before SAM", "Transform: [VersioningMacro, AWS::Serverless-2016-10-31]\n" + Function, ["AWS::Serverless-2016-10-31"], ["VersioningMacro"] },
        {
            "macro entry with parameters",
            "Transform:\n- Name: VersioningMacro\n  Parameters:\n    Outputs: false\n- AWS::Serverless-2016-10-31\n" + Function,
            ["- AWS::Serverless-2016-10-31"], ["VersioningMacro", "Outputs"]
        },
        { "other transforms stay", "Transform: AWS::Serverless-2016-10-31\n" + Function, ["Transform: AWS::Serverless-2016-10-31"], [] },
        {
            "version references point at a stand-in",
            Function + "  Alias:\n    Type: AWS::Lambda::Alias\n    Properties:\n      FunctionVersion: !GetAtt Fn.Version.Version\n" +
            "Outputs:\n  V:\n    Value: !Ref Fn.Version\n",
            ["FunctionVersion: !GetAtt FnVersionStandIn.Version", "Value: !Ref FnVersionStandIn", "FnVersionStandIn:", "FunctionName: !Ref Fn"],
            ["Fn.Version"]
        },
        { "other short forms are kept", Function + "    Properties:\n      Role: !GetAtt R.Arn\n      Tracing: !If [C, Active, !Ref AWS::NoValue]\n", ["!GetAtt R.Arn", "Tracing: !If [C, Active, !Ref ", "AWS::NoValue"], ["StandIn"] },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Rewrites_only_what_the_macro_would_resolve(string name, string input, string[] kept, string[] removed)
    {
        var output = MacroFreeTemplate.Rewrite(input);

        output.Should().ContainAll(kept, because: name);
        foreach (var text in removed)
        {
            output.Should().NotContain(text, because: name);
        }
    }
}

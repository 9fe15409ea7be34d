using MacroVersioning.Cli;

namespace MacroVersioning.Tests.Cli;

/// <summary>The Transform list as CloudFormation would run it: the macro listed, before SAM, and what runs before it.</summary>
public sealed class CliTransformListTests : IDisposable
{
    private const string Template = CliAppTests.Template;

    private readonly CliTempDirectory project = new();

    public CliTransformListTests()
    {
        project.Write("src/handlers/func1/index.py", "def handler(event, context):\n    return 1\n");
        project.Write("src/handlers/func2/index.py", "def handler(event, context):\n    return 2\n");
    }

    [Fact]
    public async Task Rejects_a_template_that_does_not_list_the_macro()
    {
        var path = project.Write("plain.yaml", Template.Replace("[VersioningMacro, AWS::Serverless-2016-10-31]", "AWS::Serverless-2016-10-31", StringComparison.Ordinal));

        var run = await CliRun.RunAsync("transform", path);

        run.ExitCode.Should().Be(1);
        run.Stderr.Should().Contain("template rejected: 1 problem\n  Transform: does not list VersioningMacro");
    }

    public static readonly TheoryData<string, string, string> WrongTransformLists = new()
    {
        { "SAM before the macro", "[AWS::Serverless-2016-10-31, VersioningMacro]", "Transform: lists AWS::Serverless-2016-10-31 before VersioningMacro" },
        { "no SAM", "VersioningMacro", "Transform: lists VersioningMacro but not AWS::Serverless-2016-10-31, yet Resources.Func2 is a SAM resource" },
    };

    [Theory]
    [MemberData(nameof(WrongTransformLists))]
    public async Task A_transform_list_cloudformation_would_run_wrongly_is_rejected_with_the_fix(string name, string transform, string expected)
    {
        var path = project.Write("order.yaml", Template.Replace("[VersioningMacro, AWS::Serverless-2016-10-31]", transform, StringComparison.Ordinal));

        var run = await CliRun.RunAsync("transform", path);

        run.ExitCode.Should().Be(1, name);
        run.Stdout.Should().BeEmpty(name);
        run.Stderr.Should().Contain($"template rejected: 1 problem\n  {expected}", name)
            .And.Contain("Transform: [VersioningMacro, AWS::Serverless-2016-10-31]", name)
            .And.NotContain("note:", name);
    }

    [Fact]
    public async Task Notes_transforms_that_cloudformation_would_run_first()
    {
        var path = project.Write(
            "extensions.yaml",
            Template.Replace("[VersioningMacro, AWS::Serverless-2016-10-31]", "[AWS::LanguageExtensions, VersioningMacro, AWS::Serverless-2016-10-31]", StringComparison.Ordinal));

        var run = await CliRun.RunAsync("transform", path);

        run.Stderr.Should().Contain("note: CloudFormation runs AWS::LanguageExtensions before VersioningMacro; the CLI does not");
        TemplateReader.Read(run.Stdout, out _)["Transform"]!.ToJsonString().Should().Be("""["AWS::LanguageExtensions","AWS::Serverless-2016-10-31"]""");
    }

    public void Dispose() => project.Dispose();
}

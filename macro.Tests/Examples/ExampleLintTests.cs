using MacroVersioning.Tests.Golden;
using MacroVersioning.Tests.Tools;

namespace MacroVersioning.Tests.Examples;

/// <summary>
/// Every example template lints without a finding once the macro's part is taken out (cfn-lint
/// cannot run a custom macro): the rest of the template, SAM included, is checked as written.
/// </summary>
public sealed class ExampleLintTests : IDisposable
{
    private readonly DirectoryInfo workspace = Directory.CreateTempSubdirectory("versioning-macro-examples-");

    public static TheoryData<string> Templates() => new(ExampleTemplates.All());

    [Fact]
    public void Every_example_folder_has_a_template_and_a_readme()
    {
        var folders = ExampleTemplates.Folders().ToList();

        folders.Should().NotBeEmpty();
        ExampleTemplates.All().Select(t => t.Split(Path.DirectorySeparatorChar)[0]).Should().BeEquivalentTo(folders);
        folders.Should().OnlyContain(f => new FileInfo(Path.Combine(RepoPaths.Examples, f, "README.md")).Length > 0);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Example_has_no_cfn_lint_findings_without_the_macro(string template)
    {
        var copy = Path.Combine(workspace.FullName, template.Replace(Path.DirectorySeparatorChar, '-'));
        await File.WriteAllTextAsync(copy, MacroFreeTemplate.Rewrite(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Examples, template))));

        var findings = await CfnLint.FindingsAsync(copy);

        findings.Should().BeEmpty();
    }

    public void Dispose() => workspace.Delete(recursive: true);
}

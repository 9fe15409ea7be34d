using MacroVersioning.Tests.Golden;
using MacroVersioning.Tests.Tools;

namespace MacroVersioning.Tests.Packaging;

/// <summary>macro-template.yaml is what every user deploys first: it must lint without a single finding.</summary>
public sealed class MacroTemplateLintTests
{
    [Fact]
    public async Task Macro_template_has_no_cfn_lint_findings()
    {
        var findings = await CfnLint.FindingsAsync(Path.Combine(RepoPaths.Root, "macro-template.yaml"));

        findings.Should().BeEmpty();
    }
}

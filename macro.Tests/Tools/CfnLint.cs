using System.Text.Json.Nodes;

namespace MacroVersioning.Tests.Tools;

/// <summary>
/// Runs cfn-lint, the linter the project holds every template to (version pinned in the README),
/// and returns its findings as readable lines: an empty list means zero errors, warnings and
/// informational findings.
/// </summary>
public static class CfnLint
{
    public const string InstallHint = "cfn-lint is not on PATH; install it with: pip install cfn-lint==1.51.0";

    private static readonly IReadOnlyDictionary<string, string?> LintEnvironment = new Dictionary<string, string?>
    {
        // cfn-lint's SAM transform needs a Region to build ARNs; keep it off any AWS profile.
        ["AWS_DEFAULT_REGION"] = "us-east-1",
    };

    public static async Task<IReadOnlyList<string>> FindingsAsync(string templatePath)
    {
        ExternalProcess.FindOnPath("cfn-lint").Should().NotBeNull(InstallHint);

        var outcome = await ExternalProcess.RunAsync(
            "cfn-lint",
            ["--format", "json", "--include-checks", "I", "--", templatePath],
            Path.GetDirectoryName(templatePath)!,
            LintEnvironment,
            TimeSpan.FromMinutes(2));

        // Exit codes are bit flags: 2 errors, 4 warnings, 8 informational; 1 means cfn-lint itself failed.
        (outcome.ExitCode & 1).Should().Be(0, outcome.Describe());
        var findings = JsonNode.Parse(outcome.StandardOutput) as JsonArray;
        findings.Should().NotBeNull(outcome.Describe());
        return findings!.Select(Describe).ToList();
    }

    private static string Describe(JsonNode? finding) =>
        $"{finding?["Rule"]?["Id"]} {finding?["Message"]} " +
        $"({finding?["Filename"]}:{finding?["Location"]?["Start"]?["LineNumber"]})";
}

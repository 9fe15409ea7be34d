using System.Text.Json;
using System.Text.Json.Nodes;
using MacroVersioning.Tests.Tools;

namespace MacroVersioning.Tests.E2E;

/// <summary>
/// Runs <c>sam_check.py</c> once over all rows (one interpreter, one cfn-lint run: a few seconds for
/// dozens of cases). Every row checks a stored output: a golden case's or example's <c>expected.json</c>.
/// </summary>
internal sealed class SamCheckRunner(string python, IReadOnlyList<string> pythonArguments)
{
    public const string Install = "pip install aws-sam-translator==1.110.0 cfn-lint==1.51.0";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static SamCheckRunner Default { get; } = new("python3", []);

    public async Task<SamCheckReport> RunAsync(IReadOnlyList<SamCheckCase> rows)
    {
        var work = Directory.CreateTempSubdirectory("sam_check");
        try
        {
            var failures = new Dictionary<string, string>();
            var batch = new JsonArray();
            foreach (var row in rows)
            {
                if (row.Expected is null)
                {
                    failures[row.Id] = $"{row.Id} has no expected.json: its golden test writes it (UPDATE_GOLDEN=1), then review the diff";
                    continue;
                }

                batch.Add(new JsonObject { ["name"] = row.Id, ["template"] = row.Template, ["expected"] = row.Expected, ["case"] = row.CaseFile, ["warningsFail"] = row.WarningsFail });
            }

            var batchFile = Path.Combine(work.FullName, "batch.json");
            await File.WriteAllTextAsync(batchFile, batch.ToJsonString());
            return await CheckAsync(batchFile, failures);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private async Task<SamCheckReport> CheckAsync(string batchFile, Dictionary<string, string> failures)
    {
        // No __pycache__ next to the script in the repository.
        var environment = new Dictionary<string, string?> { ["PYTHONDONTWRITEBYTECODE"] = "1" };
        var outcome = await ExternalProcess.TryRunAsync(
            python, [.. pythonArguments, SamCheckCases.Script, "--batch", batchFile], Path.GetDirectoryName(batchFile)!, environment, Timeout);
        if (outcome is null)
        {
            return SamCheckReport.ToolsMissing(
                $"'{python}' could not be started: the end-to-end check needs Python 3 with the AWS SAM translator and cfn-lint; install Python 3, then: {Install}");
        }

        JsonObject? report;
        try
        {
            report = JsonNode.Parse(outcome.StandardOutput) as JsonObject;
        }
        catch (JsonException)
        {
            report = null;
        }

        if (report is null)
        {
            return SamCheckReport.ToolsMissing($"sam_check.py exited with {outcome.ExitCode} without a report: {outcome.StandardError.Trim()} {outcome.StandardOutput.Trim()}");
        }

        var cases = (report["cases"]?.AsArray() ?? [])
            .OfType<JsonObject>()
            .ToDictionary(c => c["name"]!.GetValue<string>());
        return new SamCheckReport(cases, failures, report["toolError"]?.GetValue<string>(), report["tools"]);
    }
}

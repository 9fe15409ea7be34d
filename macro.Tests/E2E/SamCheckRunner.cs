using System.Text.Json;
using System.Text.Json.Nodes;

namespace MacroVersioning.Tests.E2E;

/// <summary>
/// Runs <c>sam_check.py</c> once over all rows (one interpreter, one cfn-lint run: a few seconds for
/// dozens of cases). Rows without a stored output get it from the macro's CLI first.
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
                var expected = row.Expected ?? await MacroOutputFromCliAsync(row, work.FullName, failures);
                if (expected is not null)
                {
                    batch.Add(new JsonObject { ["name"] = row.Id, ["template"] = row.Template, ["expected"] = expected, ["case"] = row.CaseFile });
                }
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
        var environment = new Dictionary<string, string> { ["PYTHONDONTWRITEBYTECODE"] = "1" };
        var outcome = await ProcessRunner.RunAsync(python, [.. pythonArguments, SamCheckCases.Script, "--batch", batchFile], Timeout, environment);
        if (outcome is null)
        {
            return SamCheckReport.ToolsMissing(
                $"'{python}' could not be started: the end-to-end check needs Python 3 with the AWS SAM translator and cfn-lint; install Python 3, then: {Install}");
        }

        JsonObject? report;
        try
        {
            report = JsonNode.Parse(outcome.Stdout) as JsonObject;
        }
        catch (JsonException)
        {
            report = null;
        }

        if (report is null)
        {
            return SamCheckReport.ToolsMissing($"sam_check.py exited with {outcome.ExitCode} without a report: {outcome.Stderr.Trim()} {outcome.Stdout.Trim()}");
        }

        var cases = (report["cases"]?.AsArray() ?? [])
            .OfType<JsonObject>()
            .ToDictionary(c => c["name"]!.GetValue<string>());
        return new SamCheckReport(cases, failures, report["toolError"]?.GetValue<string>(), report["tools"]);
    }

    /// <summary>
    /// Runs <c>VersioningMacro transform TEMPLATE --code-identity location</c> (no S3: examples are
    /// local projects) and stores its stdout; a CLI failure fails the row with the CLI's message.
    /// </summary>
    private static async Task<string?> MacroOutputFromCliAsync(SamCheckCase row, string work, Dictionary<string, string> failures)
    {
        var arguments = new List<string> { Path.Combine(AppContext.BaseDirectory, "VersioningMacro.dll"), "transform", row.Template, "--code-identity", "location" };
        if (row.CaseFile is not null && JsonNode.Parse(await File.ReadAllTextAsync(row.CaseFile))?["parameters"] is JsonObject parameters)
        {
            foreach (var (name, value) in parameters)
            {
                arguments.AddRange(["--param", $"{name}={value}"]);
            }
        }

        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var outcome = await ProcessRunner.RunAsync(dotnet, arguments, Timeout);
        if (outcome is not { ExitCode: 0 })
        {
            failures[row.Id] = $"{row.Id} has no expected.json, and the CLI ({dotnet} {string.Join(' ', arguments)}) failed " +
                $"with exit code {outcome?.ExitCode.ToString() ?? "(could not start)"}: {outcome?.Stderr.Trim()}";
            return null;
        }

        // The CLI prints what the next transform gets (the remaining transforms put back, docs/cli.md);
        // the checker wants the macro's fragment and puts them back itself.
        var fragment = JsonNode.Parse(outcome.Stdout)!.AsObject();
        fragment.Remove("Transform");
        var output = Path.Combine(work, $"{row.Id.Replace('/', '_')}.json");
        await File.WriteAllTextAsync(output, fragment.ToJsonString());
        return output;
    }
}

using MacroVersioning.Core;
using MacroVersioning.Core.Emit;

namespace MacroVersioning.Cli;

/// <summary>
/// The human summary of a transform for stderr: one line per function (its new version id and what was
/// hashed, or why it was skipped), or one line per problem. Multi-line messages are folded so that a
/// line is always one function or one problem, for people and for grep.
/// </summary>
internal static class SummaryFormatter
{
    /// <summary>What <c>CodeKind</c> calls a local folder's digest.</summary>
    private const string LocalFiles = "local files";

    public static IReadOnlyList<string> Format(TransformResult result) =>
        result.Succeeded ? FormatFunctions(result.Functions) : FormatProblems(result.Problems);

    public static IReadOnlyList<string> FormatProblems(IReadOnlyList<Problem> problems)
    {
        var lines = new List<string> { $"template rejected: {Count(problems.Count, "problem")}" };
        lines.AddRange(problems.Select(p => $"  {OneLine(p.ToString())}"));
        return lines;
    }

    private static List<string> FormatFunctions(IReadOnlyList<FunctionReport> functions)
    {
        if (functions.Count == 0)
        {
            return ["no AWS::Serverless::Function or AWS::Lambda::Function in the template: nothing to version"];
        }

        var versioned = functions.Count(f => f.Versioned);
        var skipped = functions.Count - versioned;
        var heading = skipped == 0
            ? $"versioned {Count(versioned, "function")}:"
            : $"versioned {versioned} of {Count(functions.Count, "function")}, skipped {skipped}:";
        var idWidth = functions.Max(f => f.FunctionId.Length);
        var versionWidth = functions.Max(f => f.VersionId?.Length ?? 0);
        var lines = new List<string> { heading };
        foreach (var function in functions)
        {
            var id = function.FunctionId.PadRight(idWidth);
            lines.Add(function.VersionId is { } version
                ? $"  {id}  {version.PadRight(versionWidth)}  {(function.Via is { } via ? $"via {OneLine(via)}, " : "")}hashed: {OneLine(function.Reason)}{Pins(function)}{Keeps(function)}"
                : $"  {id}  {"skipped:".PadRight(versionWidth)}  {OneLine(function.Reason)}");
        }

        lines.AddRange(functions.SelectMany(f => f.Warnings).Select(w => $"warning: {OneLine(w)}"));
        if (functions.Any(f => f.Versioned && f.Reason.StartsWith(LocalFiles, StringComparison.Ordinal)))
        {
            lines.Add($"note: ids hashed from {LocalFiles} are previews: the deployed id hashes the zip that sam package uploads (transform the packaged template for those ids)");
        }

        return lines;
    }

    private static string Pins(FunctionReport function) =>
        function.Pins.Count == 0 ? "" : "; " + string.Join("; ", function.Pins.Select(OneLine));

    private static string Keeps(FunctionReport function) =>
        function.KeepVersions is { } keep ? $"; keeps the newest {Count(keep, "version")} ({PruneResource.IdFor(function.FunctionId)})" : "";

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

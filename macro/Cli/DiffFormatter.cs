using System.Text.Json.Nodes;
using MacroVersioning.Core.Diff;
using MacroVersioning.Core.Json;

namespace MacroVersioning.Cli;

/// <summary>
/// The output of <c>diff</c>: one line per function (status and ids), its changed inputs indented
/// below it, and a count line; or the same as JSON built with <see cref="JsonNode"/> (AOT-clean).
/// </summary>
internal static class DiffFormatter
{
    private static readonly DiffStatus[] Order = [DiffStatus.NewVersion, DiffStatus.Added, DiffStatus.Removed, DiffStatus.Unchanged, DiffStatus.Skipped];

    public static string Text(IReadOnlyList<FunctionDiff> diffs)
    {
        if (diffs.Count == 0)
        {
            return "no AWS::Serverless::Function or AWS::Lambda::Function in either template\n";
        }

        var idWidth = diffs.Max(d => d.FunctionId.Length);
        var statusWidth = diffs.Max(d => d.StatusText.Length);
        var text = new System.Text.StringBuilder();
        foreach (var diff in diffs)
        {
            text.Append(diff.FunctionId.PadRight(idWidth)).Append("  ").Append(diff.StatusText.PadRight(statusWidth)).Append("  ")
                .Append(Detail(diff).TrimEnd()).Append('\n');
            foreach (var change in diff.Changes)
            {
                text.Append("    ").Append(change).Append('\n');
            }
        }

        return text.Append(Counts(diffs)).Append('\n').ToString();
    }

    public static string Json(IReadOnlyList<FunctionDiff> diffs)
    {
        var functions = new JsonArray();
        foreach (var diff in diffs)
        {
            var entry = new JsonObject
            {
                ["function"] = diff.FunctionId,
                ["status"] = diff.StatusText,
                ["oldVersion"] = diff.OldVersionId,
                ["newVersion"] = diff.NewVersionId,
                ["changes"] = new JsonArray([.. diff.Changes.Select(c => (JsonNode)JsonValue.Create(c))]),
            };
            if (diff.Note is { } note)
            {
                entry["note"] = note;
            }

            functions.Add((JsonNode)entry);
        }

        var counts = new JsonObject();
        foreach (var status in Order)
        {
            counts[FunctionDiff.Words(status)] = diffs.Count(d => d.Status == status);
        }

        return JsonText.ToIndented(new JsonObject
        {
            ["changed"] = diffs.Any(d => d.IsChange),
            ["counts"] = counts,
            ["functions"] = functions,
        });
    }

    private static string Detail(FunctionDiff diff)
    {
        var ids = diff.Status switch
        {
            DiffStatus.NewVersion => $"{diff.OldVersionId} -> {diff.NewVersionId}",
            DiffStatus.Unchanged or DiffStatus.Added => diff.NewVersionId!,
            DiffStatus.Removed => diff.OldVersionId!,
            _ => "",
        };
        return diff.Note is { } note ? (ids.Length > 0 ? $"{ids}  ({note})" : note) : ids;
    }

    private static string Counts(IReadOnlyList<FunctionDiff> diffs) =>
        string.Join(", ", Order.Select(s => (Status: s, Count: diffs.Count(d => d.Status == s))).Where(c => c.Count > 0)
            .Select(c => c.Status == DiffStatus.NewVersion && c.Count > 1 ? $"{c.Count} new versions" : $"{c.Count} {FunctionDiff.Words(c.Status)}"));
}

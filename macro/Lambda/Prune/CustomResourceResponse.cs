using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MacroVersioning.Core.Pruning;

namespace MacroVersioning.Lambda.Prune;

/// <summary>
/// The response document PUT to the ResponseURL: <c>Status</c>, <c>Reason</c>, <c>PhysicalResourceId</c>,
/// <c>StackId</c>, <c>RequestId</c> and <c>LogicalResourceId</c> (the last three copied verbatim from the request)
/// and <c>Data</c>, whose values a template reads with <c>Fn::GetAtt</c>. Always <c>SUCCESS</c>: pruning never
/// fails or rolls back a deployment. The whole body may not exceed 4096 bytes, so the version lists in
/// <c>Data</c> and the <c>Reason</c> are cut to fit, saying how many were left out (the log line has them all).
/// See https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-responses.html
/// </summary>
internal static class CustomResourceResponse
{
    public const int MaxBodyBytes = 4096;

    public const string Success = "SUCCESS";

    private static readonly int[] ListBudgets = [4096, 1200, 600, 300, 120, 40, 0];

    public static string Build(CustomResourceEvent request, string reason, PruneOutcome? outcome)
    {
        foreach (var budget in ListBudgets)
        {
            var text = Write(request, Cut(reason, Math.Max(budget, 200)), outcome, budget);
            if (Encoding.UTF8.GetByteCount(text) <= MaxBodyBytes)
            {
                return text;
            }
        }

        // Only the copied request fields can still be too long: CloudFormation's own ids are far shorter.
        return Write(request with { StackId = Cut(request.StackId, 1000), LogicalResourceId = Cut(request.LogicalResourceId, 255) }, Cut(reason, 200), null, 0);
    }

    private static string Write(CustomResourceEvent request, string? reason, PruneOutcome? outcome, int listBudget)
    {
        var body = new JsonObject
        {
            ["Status"] = Success,
            ["Reason"] = reason,
            ["PhysicalResourceId"] = Cut(request.StablePhysicalResourceId(), 1024),
            ["StackId"] = request.StackId,
            ["RequestId"] = request.RequestId,
            ["LogicalResourceId"] = request.LogicalResourceId,
        };
        if (outcome is not null)
        {
            body["Data"] = new JsonObject
            {
                ["Deleted"] = Join(outcome.Deleted, listBudget),
                ["Kept"] = Join(outcome.Kept.Select(Note), listBudget),
                ["Failed"] = Join(outcome.Failed.Select(Note), listBudget),
                ["DeletedCount"] = outcome.Deleted.Count.ToString(CultureInfo.InvariantCulture),
            };
        }

        return body.ToJsonString();
    }

    private static string Note(PrunedVersionNote note) => $"{note.Version} ({note.Reason})";

    /// <summary>Whole items, comma-separated, as many as fit in <paramref name="budget"/> characters, then how many more.</summary>
    internal static string Join(IEnumerable<string> items, int budget)
    {
        var all = items.ToList();
        var text = new StringBuilder();
        var shown = 0;
        foreach (var item in all)
        {
            var next = (shown == 0 ? "" : ", ") + item;
            if (text.Length + next.Length > budget)
            {
                break;
            }

            text.Append(next);
            shown++;
        }

        return shown == all.Count ? text.ToString() : $"{text}{(shown == 0 ? "" : ", ")}... {all.Count - shown} more";
    }

    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..(max - 3)] + "...";
}

using System.Text;
using MacroVersioning.Core.Pruning;

namespace MacroVersioning.Cli;

/// <summary>
/// <c>prune FUNCTION --keep N</c>: runs the pruner the custom resource runs, by hand. The version a
/// deployment added and the one before it are not known here, so the newest N of the macro's versions,
/// aliases, provisioned concurrency and event source mappings are what keeps a version. Exit 0 when
/// everything chosen was deleted (or, with <c>--dry-run</c>, decided), 1 when listing or a deletion failed.
/// </summary>
/// <param name="prunerFor">Builds the pruner for a region and endpoint (the real Lambda API; a stand-in's in tests).</param>
internal sealed class PruneCommand(TextWriter stdout, TextWriter stderr, Func<string, Uri?, IVersionPruner> prunerFor)
{
    public async Task<int> RunAsync(PruneArgs args, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var region = args.Region ?? NonEmpty(environment("AWS_REGION")) ?? NonEmpty(environment("AWS_DEFAULT_REGION"));
        if (region is null)
        {
            await stderr.WriteLineAsync("error: no region: give --region R or set AWS_REGION").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var outcome = await prunerFor(region, args.Endpoint)
            .PruneAsync(new PruneRequest(args.Function, args.Keep, AddedVersion: null, PreviousVersion: null, args.DryRun), cancellationToken)
            .ConfigureAwait(false);
        await stdout.WriteAsync(Report(args, region, outcome)).ConfigureAwait(false);
        await stdout.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        if (outcome.Error is not null)
        {
            await stderr.WriteLineAsync($"error: {outcome.Error}").ConfigureAwait(false);
        }

        return cancellationToken.IsCancellationRequested ? ExitCodes.Cancelled
            : outcome.Error is not null || outcome.Failed.Count > 0 ? ExitCodes.Rejected
            : ExitCodes.Success;
    }

    /// <summary>For a person: what goes (or went), then each kept version with why, aligned.</summary>
    internal static string Report(PruneArgs args, string region, PruneOutcome outcome)
    {
        var text = new StringBuilder();
        text.Append($"prune {args.Function} in {region}: keep the newest {args.Keep} of the macro's versions");
        text.Append(args.DryRun ? " (dry run: nothing is deleted)\n" : "\n");
        if (outcome.Error is not null)
        {
            // The error itself goes to stderr.
            return text.ToString();
        }

        var verb = args.DryRun ? "would delete" : "deleted";
        text.Append(verb).Append(": ").Append(outcome.Deleted.Count == 0 ? "nothing" : string.Join(", ", outcome.Deleted)).Append('\n');
        Section(text, "kept", outcome.Kept);
        Section(text, "failed (skipped)", outcome.Failed);
        Section(text, "not attempted", outcome.NotAttempted);
        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, IReadOnlyList<PrunedVersionNote> notes)
    {
        if (notes.Count == 0)
        {
            return;
        }

        var width = notes.Max(n => n.Version.Length);
        text.Append(title).Append(":\n");
        foreach (var note in notes)
        {
            text.Append("  ").Append(note.Version.PadRight(width)).Append("  ").Append(note.Reason).Append('\n');
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

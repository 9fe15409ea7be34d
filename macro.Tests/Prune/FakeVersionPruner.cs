using MacroVersioning.Core.Pruning;

namespace MacroVersioning.Tests.Prune;

/// <summary>A pruner that records what it was asked and answers as told: an outcome, a stall that ignores cancellation, or a throw.</summary>
internal sealed class FakeVersionPruner : IVersionPruner
{
    private readonly List<PruneRequest> requests = [];

    public PruneOutcome Outcome { get; set; } = new(["1", "2"], [new PrunedVersionNote("5", "newest 3"), new PrunedVersionNote("3", "alias live")], []);

    /// <summary>Never finishes, whatever the token says: the handler must still answer.</summary>
    public bool Stall { get; set; }

    public Exception? Throw { get; set; }

    public IReadOnlyList<PruneRequest> Requests
    {
        get
        {
            lock (requests)
            {
                return [.. requests];
            }
        }
    }

    public Task<PruneOutcome> PruneAsync(PruneRequest request, CancellationToken cancellationToken)
    {
        lock (requests)
        {
            requests.Add(request);
        }

        if (Throw is not null)
        {
            throw Throw;
        }

        return Stall ? new TaskCompletionSource<PruneOutcome>().Task : Task.FromResult(Outcome);
    }
}

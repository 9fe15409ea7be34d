using MacroVersioning.Core.Pruning;

namespace MacroVersioning.Lambda.Prune;

/// <summary>
/// Stands in for the Lambda API pruner until it is merged in: deletes nothing and says so in
/// <see cref="PruneOutcome.Failed"/>. <see cref="LambdaEntryPoint.CreatePruner"/> is the one place that uses it.
/// </summary>
internal sealed class UnavailableVersionPruner : IVersionPruner
{
    public const string Reason = "pruning unavailable in this build";

    public Task<PruneOutcome> PruneAsync(PruneRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new PruneOutcome([], [], [new PrunedVersionNote("*", Reason)]));
}

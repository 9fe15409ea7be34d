namespace MacroVersioning.Core.Pruning;

/// <summary>
/// Deletes a function's old versions that the macro published, keeping the newest ones and every version
/// something still uses. The custom-resource handler and the CLI's <c>prune</c> are its callers; the
/// Lambda API behind it is an adapter outside Core.
/// </summary>
internal interface IVersionPruner
{
    /// <summary>Never throws for Lambda API failures: they are reported in <see cref="PruneOutcome.Failed"/>.</summary>
    Task<PruneOutcome> PruneAsync(PruneRequest request, CancellationToken cancellationToken);
}

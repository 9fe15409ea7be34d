namespace MacroVersioning.Core.Pruning;

/// <summary>
/// Gathers a function's versions, aliases, provisioned concurrency and event source mappings through
/// <see cref="ILambdaVersionApi"/>, lets <see cref="PrunePlanner"/> decide, then deletes one version at a
/// time. Never throws for an API failure: a failed listing deletes nothing (<see cref="PruneOutcome.Error"/>),
/// a failed deletion is recorded and skipped, and the cancellation token (the caller's deadline) stops
/// further deletions, listing the rest as not attempted.
/// </summary>
internal sealed class VersionPruner(ILambdaVersionApi api) : IVersionPruner
{
    /// <summary>Far beyond any real function (Lambda pages 50 versions); guards against a marker that never ends.</summary>
    private const int MaxPages = 2000;

    public async Task<PruneOutcome> PruneAsync(PruneRequest request, CancellationToken cancellationToken)
    {
        VersionInventory inventory;
        try
        {
            inventory = await GatherAsync(request.FunctionName, cancellationToken).ConfigureAwait(false);
        }
        catch (LambdaApiException e)
        {
            return Stopped($"listing the function's versions and what uses them failed, so nothing was deleted: {e.Summary}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Stopped("the deadline came before the function's versions and what uses them were listed, so nothing was deleted");
        }

        var plan = PrunePlanner.Decide(inventory, request);
        var deleted = new List<string>();
        var kept = new List<PrunedVersionNote>(plan.Kept);
        var failed = new List<PrunedVersionNote>();
        var notAttempted = new List<PrunedVersionNote>();
        for (var i = 0; i < plan.Delete.Count; i++)
        {
            var version = plan.Delete[i];
            if (cancellationToken.IsCancellationRequested)
            {
                notAttempted.AddRange(plan.Delete.Skip(i).Select(v => new PrunedVersionNote(v, "not attempted: the deadline came first")));
                break;
            }

            try
            {
                if (await MappingNamingAsync(request.FunctionName, version, cancellationToken).ConfigureAwait(false) is { } mapping)
                {
                    kept.Add(new PrunedVersionNote(version, $"event source mapping {mapping.Uuid} invokes it"));
                    continue;
                }

                if (!request.DryRun)
                {
                    await api.DeleteVersionAsync(request.FunctionName, version, cancellationToken).ConfigureAwait(false);
                }

                deleted.Add(version);
            }
            catch (LambdaApiException e)
            {
                failed.Add(new PrunedVersionNote(version, e.Status == 404 ? $"already gone: {e.Summary}" : e.Summary));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                failed.Add(new PrunedVersionNote(version, "the deadline came during its deletion; it may still exist"));
                notAttempted.AddRange(plan.Delete.Skip(i + 1).Select(v => new PrunedVersionNote(v, "not attempted: the deadline came first")));
                break;
            }
        }

        kept.Sort((a, b) => Order(b.Version).CompareTo(Order(a.Version)));
        return new PruneOutcome(deleted, kept, failed) { NotAttempted = notAttempted };
    }

    private static long Order(string version) => version == VersionQualifier.Latest ? long.MaxValue : VersionQualifier.Number(version);

    private static PruneOutcome Stopped(string error) => new([], [], []) { Error = error };

    private async Task<VersionInventory> GatherAsync(string function, CancellationToken cancellationToken)
    {
        var versions = await AllAsync((m, c) => api.ListVersionsAsync(function, m, c), cancellationToken).ConfigureAwait(false);
        var aliases = await AllAsync((m, c) => api.ListAliasesAsync(function, m, c), cancellationToken).ConfigureAwait(false);
        var concurrency = await AllAsync((m, c) => api.ListProvisionedConcurrencyAsync(function, m, c), cancellationToken).ConfigureAwait(false);
        var mappings = await AllAsync((m, c) => api.ListEventSourceMappingsAsync(function, m, c), cancellationToken).ConfigureAwait(false);
        return new VersionInventory(versions, aliases, concurrency, mappings);
    }

    /// <summary>
    /// Whether a mapping names this version. Asked per candidate with the qualified name, as the API
    /// documents (<c>FunctionName</c> accepts a version ARN), so it does not matter whether a listing by
    /// the unqualified name includes version-bound mappings.
    /// https://docs.aws.amazon.com/lambda/latest/api/API_ListEventSourceMappings.html
    /// </summary>
    private async Task<EventSourceMappingInfo?> MappingNamingAsync(string function, string version, CancellationToken cancellationToken)
    {
        var mappings = await AllAsync((m, c) => api.ListEventSourceMappingsAsync($"{function}:{version}", m, c), cancellationToken).ConfigureAwait(false);
        return mappings.FirstOrDefault(m => VersionQualifier.Of(m.FunctionArn) == version);
    }

    private static async Task<List<T>> AllAsync<T>(Func<string?, CancellationToken, Task<ApiPage<T>>> list, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? marker = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var result = await list(marker, cancellationToken).ConfigureAwait(false);
            items.AddRange(result.Items);
            marker = result.NextMarker;
            if (string.IsNullOrEmpty(marker))
            {
                return items;
            }

            if (!seen.Add(marker))
            {
                throw new LambdaApiException(null, "PaginationLoop", $"the API returned the marker {marker} twice");
            }
        }

        throw new LambdaApiException(null, "PaginationLimit", $"more than {MaxPages} pages");
    }
}

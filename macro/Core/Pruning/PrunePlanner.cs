using System.Globalization;

namespace MacroVersioning.Core.Pruning;

/// <summary>
/// The decision, pure: which versions go. Candidates are only versions the macro published
/// (<see cref="MacroVersionMark"/>) beyond the newest N of them; a candidate is still kept when this
/// deployment added it, the stack held it before (CloudFormation's rollback points the stack back at
/// it), an alias routes to it (its version or a weighted additional version), it has provisioned
/// concurrency, or an event source mapping invokes it.
/// </summary>
internal static class PrunePlanner
{
    public static PrunePlan Decide(VersionInventory inventory, PruneRequest request)
    {
        var keep = Math.Max(1, request.Keep);
        var protectedBy = Protections(inventory, request);
        var newestMacro = inventory.Versions
            .Where(v => VersionQualifier.IsVersionNumber(v.Version) && MacroVersionMark.IsMacroVersion(v.Description))
            .Select(v => v.Version)
            .OrderByDescending(VersionQualifier.Number)
            .Take(keep)
            .ToHashSet(StringComparer.Ordinal);

        var delete = new List<string>();
        var kept = new List<PrunedVersionNote>();
        foreach (var version in inventory.Versions.OrderByDescending(v => v.Version == VersionQualifier.Latest ? long.MaxValue : VersionQualifier.Number(v.Version)))
        {
            var reasons = new List<string>();
            if (version.Version == VersionQualifier.Latest)
            {
                reasons.Add("$LATEST, the function's unpublished code");
            }
            else if (!VersionQualifier.IsVersionNumber(version.Version) || !MacroVersionMark.IsMacroVersion(version.Description))
            {
                reasons.Add("not published by the macro (its description does not start with \"VersioningMacro <hash>:\")");
            }
            else if (newestMacro.Contains(version.Version))
            {
                reasons.Add($"among the newest {keep.ToString(CultureInfo.InvariantCulture)} the macro published");
            }

            if (protectedBy.TryGetValue(version.Version, out var protections))
            {
                reasons.AddRange(protections);
            }

            if (reasons.Count == 0)
            {
                delete.Add(version.Version);
            }
            else
            {
                kept.Add(new PrunedVersionNote(version.Version, string.Join("; ", reasons)));
            }
        }

        delete.Reverse();
        return new PrunePlan(delete, kept);
    }

    /// <summary>Every version something still uses or needs, with what.</summary>
    private static Dictionary<string, List<string>> Protections(VersionInventory inventory, PruneRequest request)
    {
        var reasons = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string? version, string reason)
        {
            if (version is null)
            {
                return;
            }

            if (!reasons.TryGetValue(version, out var list))
            {
                list = [];
                reasons[version] = list;
            }

            list.Add(reason);
        }

        Add(VersionQualifier.Of(request.AddedVersion), "added by this deployment");
        Add(VersionQualifier.Of(request.PreviousVersion), "held by the stack before this update (a rollback returns to it)");
        foreach (var alias in inventory.Aliases)
        {
            Add(alias.FunctionVersion, $"alias {alias.Name} points to it");
            foreach (var (version, weight) in alias.AdditionalVersionWeights)
            {
                Add(version, $"alias {alias.Name} routes {(weight * 100).ToString("0.##", CultureInfo.InvariantCulture)}% of its traffic to it");
            }
        }

        foreach (var arn in inventory.ProvisionedConcurrency)
        {
            Add(VersionQualifier.Of(arn), "provisioned concurrency is configured on it");
        }

        foreach (var mapping in inventory.EventSourceMappings)
        {
            Add(VersionQualifier.Of(mapping.FunctionArn), $"event source mapping {mapping.Uuid} invokes it");
        }

        return reasons;
    }
}

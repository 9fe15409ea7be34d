namespace MacroVersioning.Core.Pruning;

/// <summary>Everything about a function's versions the decision needs, gathered before anything is deleted.</summary>
/// <param name="ProvisionedConcurrency">The qualified FunctionArn of each provisioned concurrency configuration.</param>
internal sealed record VersionInventory(
    IReadOnlyList<FunctionVersionInfo> Versions,
    IReadOnlyList<AliasInfo> Aliases,
    IReadOnlyList<string> ProvisionedConcurrency,
    IReadOnlyList<EventSourceMappingInfo> EventSourceMappings);

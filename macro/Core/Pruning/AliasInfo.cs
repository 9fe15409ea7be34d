namespace MacroVersioning.Core.Pruning;

/// <param name="FunctionVersion">The version the alias points to.</param>
/// <param name="AdditionalVersionWeights"><c>RoutingConfig.AdditionalVersionWeights</c>: versions receiving a share of traffic.</param>
internal sealed record AliasInfo(string Name, string FunctionVersion, IReadOnlyDictionary<string, double> AdditionalVersionWeights);

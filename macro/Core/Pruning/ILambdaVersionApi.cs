namespace MacroVersioning.Core.Pruning;

/// <summary>
/// The Lambda calls pruning needs, one page at a time (Lambda pages with <c>Marker</c>/<c>NextMarker</c>).
/// Every method throws <see cref="LambdaApiException"/> for an API or network failure, and
/// <see cref="OperationCanceledException"/> when the token fires; nothing else.
/// </summary>
internal interface ILambdaVersionApi
{
    /// <summary>ListVersionsByFunction: every version, <c>$LATEST</c> included.</summary>
    Task<ApiPage<FunctionVersionInfo>> ListVersionsAsync(string functionName, string? marker, CancellationToken cancellationToken);

    /// <summary>ListAliases.</summary>
    Task<ApiPage<AliasInfo>> ListAliasesAsync(string functionName, string? marker, CancellationToken cancellationToken);

    /// <summary>ListProvisionedConcurrencyConfigs: the qualified <c>FunctionArn</c> of each configuration.</summary>
    Task<ApiPage<string>> ListProvisionedConcurrencyAsync(string functionName, string? marker, CancellationToken cancellationToken);

    /// <summary>ListEventSourceMappings filtered by <paramref name="functionName"/>, which may be qualified (<c>name:7</c>).</summary>
    Task<ApiPage<EventSourceMappingInfo>> ListEventSourceMappingsAsync(string functionName, string? marker, CancellationToken cancellationToken);

    /// <summary>DeleteFunction with <c>Qualifier</c>: deletes that one version, never the function.</summary>
    Task DeleteVersionAsync(string functionName, string version, CancellationToken cancellationToken);
}

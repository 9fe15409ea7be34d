namespace MacroVersioning.Core.Pruning;

/// <param name="NextMarker">Null on the last page.</param>
internal sealed record ApiPage<T>(IReadOnlyList<T> Items, string? NextMarker);

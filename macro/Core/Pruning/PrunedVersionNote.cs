namespace MacroVersioning.Core.Pruning;

/// <param name="Version">The version number, e.g. <c>7</c>.</param>
/// <param name="Reason">Why it was kept (<c>alias live</c>, <c>newest 3</c>, …) or why deleting it failed.</param>
internal sealed record PrunedVersionNote(string Version, string Reason);

namespace MacroVersioning.Core.Pruning;

/// <param name="Version">A number, or <c>$LATEST</c>.</param>
/// <param name="Description">The version's Description; the macro's own start with <see cref="MacroVersionMark"/>.</param>
internal sealed record FunctionVersionInfo(string Version, string? Description);

namespace MacroVersioning.Core;

/// <summary>
/// One thing wrong with the input, located by its template path
/// (<c>Resources.Api.Properties.CodeUri</c>). Problems are collected, never thrown, so a
/// failure response can list all of them at once (SAM and cfn-lint do the same).
/// </summary>
public sealed record Problem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

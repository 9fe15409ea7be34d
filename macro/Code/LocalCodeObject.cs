namespace MacroVersioning.Code;

/// <summary>A local file or directory (an unpackaged SAM template), as an absolute path.</summary>
public sealed record LocalCodeObject(string Path) : CodeObject
{
    public override string ToString() => Path;
}

using MacroVersioning.Core.Emit;
using MacroVersioning.Core.Hashing;

namespace MacroVersioning.Core.Pruning;

/// <summary>
/// Recognises a version the macro published by the Description it writes on every version it adds
/// (<see cref="VersionDescription"/>: <c>VersioningMacro &lt;hash&gt;: …</c>). Pruning touches nothing
/// else: versions published by hand, by a pipeline or by SAM for an <c>AutoPublishAlias</c> function
/// (whose version Description the macro does not write) are never candidates.
/// </summary>
internal static class MacroVersionMark
{
    private const string Prefix = "VersioningMacro ";

    public static bool IsMacroVersion(string? description)
    {
        if (description is null || !description.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = description.AsSpan(Prefix.Length);
        if (rest.Length <= VersionHash.Length || rest[VersionHash.Length] != ':')
        {
            return false;
        }

        foreach (var c in rest[..VersionHash.Length])
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                return false;
            }
        }

        return true;
    }
}

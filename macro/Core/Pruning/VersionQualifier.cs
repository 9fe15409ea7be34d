namespace MacroVersioning.Core.Pruning;

/// <summary>
/// The qualifier in a function reference: <c>7</c> from <c>7</c>, <c>name:7</c>,
/// <c>arn:aws:lambda:eu-west-1:123456789012:function:name:7</c>; null when it names none
/// (an unqualified ARN or name). Lambda's ARN format:
/// https://docs.aws.amazon.com/lambda/latest/dg/configuration-versions.html#versioning-versions-using
/// </summary>
internal static class VersionQualifier
{
    public const string Latest = "$LATEST";

    public static string? Of(string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return null;
        }

        var parts = reference.Trim().Split(':');
        if (parts.Length == 1)
        {
            // A bare number is a version; a bare name is an unqualified function.
            return IsVersionNumber(parts[0]) ? parts[0] : null;
        }

        // arn:partition:lambda:region:account:function:name[:q], account:function:name[:q], name[:q]
        var nameIndex = parts[0] == "arn" ? 6 : parts.Length >= 3 && parts[1] == "function" ? 2 : 0;
        return parts.Length > nameIndex + 1 && parts[nameIndex + 1].Length > 0 ? parts[nameIndex + 1] : null;
    }

    /// <summary>A published version's qualifier: digits only (aliases may not be all digits).</summary>
    public static bool IsVersionNumber(string qualifier) =>
        qualifier.Length > 0 && qualifier.All(char.IsAsciiDigit);

    /// <summary>Orders version numbers by value, so 10 comes after 9.</summary>
    public static long Number(string version) =>
        long.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1;
}

namespace MacroVersioning.Core.Emit;

/// <summary>CloudFormation logical ids: alphanumeric (A-Za-z0-9), at most 255 characters.</summary>
internal static class LogicalId
{
    public const int MaxLength = 255;
    public const string Rule = "A-Z, a-z and 0-9 only, at most 255 characters";

    /// <summary>
    /// What the pattern <c>^[A-Za-z0-9]+$</c> accepts (whose <c>$</c> also matches before one final
    /// newline), checked without a regex: loading the regex engine was a cost of every cold start.
    /// </summary>
    public static bool IsValid(string id)
    {
        if (id.Length > MaxLength)
        {
            return false;
        }

        var text = id.EndsWith('\n') ? id.AsSpan(0, id.Length - 1) : id.AsSpan();
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}

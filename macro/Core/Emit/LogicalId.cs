namespace MacroVersioning.Core.Emit;

/// <summary>CloudFormation logical ids: alphanumeric (A-Za-z0-9), at most 255 characters.</summary>
internal static class LogicalId
{
    public const int MaxLength = 255;
    public const string Rule = "A-Z, a-z and 0-9 only, at most 255 characters";

    /// <summary>Checked without a regex: loading the regex engine was a cost of every cold start.</summary>
    public static bool IsValid(string id)
    {
        if (id.Length is 0 or > MaxLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}

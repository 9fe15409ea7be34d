using System.Text.RegularExpressions;

namespace MacroVersioning.Core.Emit;

/// <summary>CloudFormation logical ids: alphanumeric (A-Za-z0-9), at most 255 characters.</summary>
internal static partial class LogicalId
{
    public const int MaxLength = 255;
    public const string Rule = "A-Z, a-z and 0-9 only, at most 255 characters";

    public static bool IsValid(string id) => id.Length <= MaxLength && Alphanumeric().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9]+$")]
    private static partial Regex Alphanumeric();
}

using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MacroVersioning.Core.Json;
using MacroVersioning.Core.Resolution;

namespace MacroVersioning.Cli;

/// <summary>
/// Checks one parameter value (a <c>--param</c> or the <c>Default</c> used in its place) against the
/// declaration's constraints, as CloudFormation does when a stack is created or updated
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html):
/// <c>AllowedPattern</c> must match the entire value and <c>MinLength</c>/<c>MaxLength</c> count characters
/// (both for string types), <c>MinValue</c>/<c>MaxValue</c> bound a <c>Number</c>, <c>AllowedValues</c> lists the only values
/// allowed. For a <c>CommaDelimitedList</c> or <c>List&lt;Number&gt;</c> each item is checked ("the pattern
/// must match each value in the list"). Only the CLI checks: the deployed macro receives values that
/// CloudFormation has already checked against the same declaration, so a check there could only repeat
/// CloudFormation's own message, while a local preview with a value CloudFormation would refuse shows
/// version ids no deployment can have.
/// </summary>
internal static class ParameterConstraints
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    /// <returns>The first broken constraint, or null; the message names the parameter, never a NoEcho value.</returns>
    public static string? Check(string name, JsonObject declaration, string value, bool fromDefault)
    {
        // A Systems Manager type's constraints apply to the value stored under the key, which the CLI does not read.
        if (SsmParameterType.Of(declaration) is not null)
        {
            return null;
        }

        var type = JsonText.ScalarText(declaration["Type"]) ?? "String";
        var list = type == "CommaDelimitedList" || type.StartsWith("List<", StringComparison.Ordinal);
        var number = type is "Number" or "List<Number>";
        var items = list ? value.Split(',').Select(v => type == "CommaDelimitedList" ? v : v.Trim()).ToList() : [value];
        var (item, broken) = items.Select(i => (Item: i, Broken: Broken(declaration, i, number))).FirstOrDefault(b => b.Broken is not null);
        if (broken is null)
        {
            return null;
        }

        var source = fromDefault ? $"parameter {name}'s Default" : $"--param {name}";
        var shown = NoEchoFlag.IsSecret(declaration) ? "(NoEcho value not shown)" : list ? $"item \"{item}\"" : $"\"{value}\"";
        var description = JsonText.ScalarText(declaration["ConstraintDescription"]) is { Length: > 0 } d ? $" ({d})" : "";
        return $"{source} {shown} {broken}{description}";
    }

    private static string? Broken(JsonObject declaration, string value, bool number)
    {
        double parsed = 0;
        if (number && !TryNumber(value, out parsed))
        {
            return "is not a number";
        }

        if (declaration["AllowedValues"] is JsonArray allowed
            && !allowed.Select(JsonText.ScalarText).Contains(value, StringComparer.Ordinal))
        {
            return $"is not one of the AllowedValues: {string.Join(", ", allowed.Select(JsonText.ScalarText))}";
        }

        if (!number && JsonText.ScalarText(declaration["AllowedPattern"]) is { } pattern && !Matches(pattern, value, out var patternError))
        {
            return patternError ?? $"does not match the AllowedPattern {pattern} (the whole value must match)";
        }

        if (!number && Limit(declaration, "MinLength") is { } minLength && value.Length < minLength)
        {
            return $"is shorter than MinLength {minLength}";
        }

        if (!number && Limit(declaration, "MaxLength") is { } maxLength && value.Length > maxLength)
        {
            return $"is longer than MaxLength {maxLength}";
        }

        if (number && Limit(declaration, "MinValue") is { } minValue && parsed < minValue)
        {
            return $"is less than MinValue {JsonText.ScalarText(declaration["MinValue"])}";
        }

        if (number && Limit(declaration, "MaxValue") is { } maxValue && parsed > maxValue)
        {
            return $"is greater than MaxValue {JsonText.ScalarText(declaration["MaxValue"])}";
        }

        return null;
    }

    private static bool Matches(string pattern, string value, out string? error)
    {
        error = null;
        try
        {
            // \z, not $: $ would also accept a value with one trailing newline.
            return Regex.IsMatch(value, $"^(?:{pattern})\\z", RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (ArgumentException e)
        {
            error = $"cannot be checked: the AllowedPattern {pattern} is not a valid regular expression ({e.Message})";
            return false;
        }
        catch (RegexMatchTimeoutException)
        {
            error = $"cannot be checked: the AllowedPattern {pattern} took too long to match";
            return false;
        }
    }

    private static double? Limit(JsonObject declaration, string key) =>
        JsonText.ScalarText(declaration[key]) is { } text && TryNumber(text, out var limit) ? limit : null;

    /// <summary>An integer or a decimal (CloudFormation's Number); not NaN or infinity.</summary>
    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}

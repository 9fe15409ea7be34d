using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MacroVersioning.Cli;

/// <summary>
/// Gives a plain (unquoted, untagged) YAML scalar its meaning the way CloudFormation does: YAML 1.1
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-formats.html), with the
/// same implicit types as PyYAML's resolver behind the AWS CLI and cfn-lint, except timestamps,
/// which CloudFormation does not support and keeps as text (<c>AWSTemplateFormatVersion: 2010-09-09</c>).
/// A number keeps its text when that text is already JSON (<c>1.50</c> stays <c>1.50</c>); other YAML
/// spellings (<c>0x1F</c>, <c>0755</c>, <c>1_000</c>, <c>.5</c>) become the JSON number they denote.
/// </summary>
internal static partial class Yaml11Scalars
{
    public static JsonNode? Resolve(string text)
    {
        if (NullPattern().IsMatch(text))
        {
            return null;
        }

        if (BoolPattern().IsMatch(text))
        {
            return JsonValue.Create(text[0] is 'y' or 'Y' or 't' or 'T' || text is "on" or "On" or "ON");
        }

        if (IntPattern().IsMatch(text))
        {
            return Number(JsonNumberPattern().IsMatch(text) ? text : ParseInteger(text).ToString(CultureInfo.InvariantCulture));
        }

        if (FloatPattern().IsMatch(text))
        {
            return NormalizeFloat(text) is { } json ? Number(json) : JsonValue.Create(text);
        }

        return JsonValue.Create(text);
    }

    /// <summary>True when a plain scalar with this text would not read back as the same string.</summary>
    public static bool IsNonString(string text) =>
        NullPattern().IsMatch(text) || BoolPattern().IsMatch(text) || IntPattern().IsMatch(text) || FloatPattern().IsMatch(text);

    /// <summary>True when the text is a JSON number that reads back from a plain YAML scalar with the same text.</summary>
    public static bool IsPlainNumber(string jsonNumberText) =>
        (IntPattern().IsMatch(jsonNumberText) || FloatPattern().IsMatch(jsonNumberText)) && JsonNumberPattern().IsMatch(jsonNumberText);

    /// <summary>True for JSON number text; used for <c>!!int</c>/<c>!!float</c>-tagged scalars.</summary>
    public static bool IsJsonNumber(string text) => JsonNumberPattern().IsMatch(text);

    public static JsonNode Number(string jsonNumberText) => JsonNode.Parse(jsonNumberText)!;

    private static BigInteger ParseInteger(string text)
    {
        var digits = text.Replace("_", string.Empty, StringComparison.Ordinal);
        var negative = digits.StartsWith('-');
        digits = digits.TrimStart('-', '+');
        BigInteger value;
        if (digits.Contains(':', StringComparison.Ordinal))
        {
            value = digits.Split(':').Aggregate(BigInteger.Zero, (acc, part) => (acc * 60) + BigInteger.Parse(part, CultureInfo.InvariantCulture));
        }
        else if (digits.StartsWith("0b", StringComparison.Ordinal))
        {
            value = digits[2..].Aggregate(BigInteger.Zero, (acc, c) => (acc * 2) + (c - '0'));
        }
        else if (digits.StartsWith("0x", StringComparison.Ordinal))
        {
            value = BigInteger.Parse("0" + digits[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }
        else if (digits.Length > 1 && digits[0] == '0')
        {
            value = digits[1..].Aggregate(BigInteger.Zero, (acc, c) => (acc * 8) + (c - '0'));
        }
        else
        {
            value = BigInteger.Parse(digits, CultureInfo.InvariantCulture);
        }

        return negative ? -value : value;
    }

    private static string? NormalizeFloat(string text)
    {
        if (JsonNumberPattern().IsMatch(text))
        {
            return text;
        }

        var s = text.Replace("_", string.Empty, StringComparison.Ordinal).TrimStart('+');
        if (s.Contains("inf", StringComparison.OrdinalIgnoreCase) || s.Contains("nan", StringComparison.OrdinalIgnoreCase))
        {
            // JSON has no infinity or NaN; keep the text rather than invent a value.
            return null;
        }

        if (s.Contains(':', StringComparison.Ordinal))
        {
            var negative = s.StartsWith('-');
            var parts = s.TrimStart('-').Split(':');
            var value = parts.Aggregate(0.0, (acc, part) => (acc * 60) + double.Parse(part, CultureInfo.InvariantCulture));
            return (negative ? -value : value).ToString("R", CultureInfo.InvariantCulture);
        }

        s = DotWithoutLeadingDigit().Replace(s, "${sign}0.");
        s = DotWithoutTrailingDigit().Replace(s, ".0${rest}");
        return JsonNumberPattern().IsMatch(s) ? s : double.Parse(s, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^(?:~|null|Null|NULL|)$")]
    private static partial Regex NullPattern();

    [GeneratedRegex(@"^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$")]
    private static partial Regex BoolPattern();

    [GeneratedRegex(@"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")]
    private static partial Regex FloatPattern();

    [GeneratedRegex(@"^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$")]
    private static partial Regex JsonNumberPattern();

    [GeneratedRegex(@"^(?<sign>-?)\.")]
    private static partial Regex DotWithoutLeadingDigit();

    [GeneratedRegex(@"\.(?<rest>[eE]|$)")]
    private static partial Regex DotWithoutTrailingDigit();
}

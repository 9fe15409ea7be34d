using System.Text;
using System.Text.RegularExpressions;

namespace MacroVersioning.Cli;

/// <summary>
/// A last line of defence for NoEcho values: wraps stderr and masks every occurrence of a secret,
/// whole line by line, whoever wrote it (our summary, a core message, the handler's log). A value is
/// masked where it stands as a token (not inside a longer word), so a short secret such as
/// <c>1</c> does not mangle <c>Func1</c>.
/// </summary>
internal sealed class RedactingWriter(TextWriter inner, IEnumerable<string> secrets) : TextWriter
{
    public const string Mask = "****";

    private readonly Regex? pattern = BuildPattern(secrets);

    private readonly StringBuilder line = new();

    public override Encoding Encoding => inner.Encoding;

    public static string Redact(string text, IEnumerable<string> secrets) =>
        BuildPattern(secrets) is { } pattern ? pattern.Replace(text, Mask) : text;

    public override void Write(char value)
    {
        line.Append(value);
        if (value == '\n')
        {
            FlushLine();
        }
    }

    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        line.Append(value);
        if (value.Contains('\n', StringComparison.Ordinal))
        {
            FlushLine();
        }
    }

    public override void Flush()
    {
        FlushLine(all: true);
        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    private static Regex? BuildPattern(IEnumerable<string> secrets)
    {
        var alternatives = secrets.Where(s => s.Length > 0).OrderByDescending(s => s.Length).Select(Regex.Escape).ToList();
        return alternatives.Count == 0
            ? null
            : new Regex($"(?<![A-Za-z0-9])(?:{string.Join('|', alternatives)})(?![A-Za-z0-9])", RegexOptions.CultureInvariant);
    }

    private void FlushLine(bool all = false)
    {
        // Complete lines only (unless flushing), so a secret split across two Write calls is still caught.
        var text = line.ToString();
        var end = all ? text.Length : text.LastIndexOf('\n') + 1;
        if (end > 0)
        {
            var chunk = text[..end];
            inner.Write(pattern is null ? chunk : pattern.Replace(chunk, Mask));
            line.Remove(0, end);
        }
    }
}

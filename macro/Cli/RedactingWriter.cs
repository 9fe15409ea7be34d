using System.Text;

namespace MacroVersioning.Cli;

/// <summary>
/// A last line of defence for NoEcho values: wraps stderr and masks every occurrence of a secret, line
/// by line, whoever wrote it (our summary, a core message, the handler's log). Like the Lambda's
/// <c>SecretRedactor</c>, any occurrence is masked, even inside a longer word: safety over readability.
/// </summary>
internal sealed class RedactingWriter(TextWriter inner, IEnumerable<string> secrets) : TextWriter
{
    public const string Mask = "****";

    // Longest first, so a secret that contains another is masked whole.
    private readonly string[] secrets = [.. secrets.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];

    private readonly StringBuilder line = new();

    public override Encoding Encoding => inner.Encoding;

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

    private void FlushLine(bool all = false)
    {
        // Complete lines only (unless flushing), so a secret split across two Write calls is still caught.
        var text = line.ToString();
        var end = all ? text.Length : text.LastIndexOf('\n') + 1;
        if (end > 0)
        {
            var chunk = text[..end];
            inner.Write(Redact(chunk));
            line.Remove(0, end);
        }
    }

    private string Redact(string text)
    {
        foreach (var secret in secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}

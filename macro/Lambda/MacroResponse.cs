using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MacroVersioning.Core;

namespace MacroVersioning.Lambda;

/// <summary>
/// Writes the macro response <c>{requestId, status, fragment, errorMessage}</c>.
/// See https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-macros.html
/// The fragment is written as parsed: numbers keep their text and non-ASCII stays as it came.
/// </summary>
internal static class MacroResponse
{
    /// <summary>Lambda's synchronous response payload limit (6 MB).
    /// See https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html</summary>
    public const int MaxPayloadBytes = 6 * 1024 * 1024;

    /// <summary>CloudFormation shows the whole message in stack events; past this it stops being readable.</summary>
    public const int MaxErrorMessageChars = 4000;

    /// <summary>One problem may not crowd out the others.</summary>
    public const int MaxProblemChars = 1000;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonSerializerOptions NodeOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The success response, or the problem that prevents it: too large for Lambda, or not writable as JSON.</summary>
    public static (string? Json, Problem? Problem) Success(string requestId, JsonObject fragment)
    {
        if (TryWrite(requestId, "success", fragment, errorMessage: null) is not { } bytes)
        {
            return (null, new Problem("fragment", "the transformed template could not be written as JSON (a value that is not text, or nested past the writer's limit); this is a bug in VersioningMacro, please report it"));
        }

        return bytes.WrittenCount <= MaxPayloadBytes ? (Encoding.UTF8.GetString(bytes.WrittenSpan), null) : (null, TooLarge(bytes.WrittenCount));
    }

    /// <summary>
    /// A failure listing every problem, with NoEcho values masked. Echoes the original fragment,
    /// or <c>{}</c> if even that would not fit the payload limit (CloudFormation ignores the
    /// fragment of a failure; the message is what the user sees).
    /// </summary>
    /// <remarks>
    /// Never throws: a fragment that cannot be written (a string that is not text, nesting past the
    /// writer's limit) is replaced by <c>{}</c>, and a request id that cannot be written by null.
    /// </remarks>
    public static string Failure(string? requestId, JsonObject? fragment, IReadOnlyList<Problem> problems, SecretRedactor redactor)
    {
        var message = ErrorMessage(problems, redactor);
        var bytes = TryWrite(requestId, "failure", fragment ?? [], message);
        if (bytes is null || bytes.WrittenCount > MaxPayloadBytes)
        {
            bytes = TryWrite(requestId, "failure", [], message) ?? Write(null, "failure", [], message);
        }

        return Encoding.UTF8.GetString(bytes.WrittenSpan);
    }

    /// <summary>
    /// All problems as <c>Path: message</c>, joined with "; ". Masks secrets before shortening
    /// anything, so a cut can never leave part of a secret behind.
    /// </summary>
    public static string ErrorMessage(IReadOnlyList<Problem> problems, SecretRedactor redactor)
    {
        var texts = problems.Select(p => Shorten(redactor.Redact(p.Path.Length == 0 ? p.Message : p.ToString()), MaxProblemChars)).ToList();
        var builder = new StringBuilder(texts.Count > 1 ? $"{texts.Count} problems: " : string.Empty);
        for (var i = 0; i < texts.Count; i++)
        {
            var separator = i == 0 ? string.Empty : "; ";
            var rest = $"; … and {texts.Count - i} more (the CLI's transform command lists them all)";
            if (builder.Length + separator.Length + texts[i].Length + (i == texts.Count - 1 ? 0 : rest.Length) > MaxErrorMessageChars)
            {
                builder.Append(rest);
                break;
            }

            builder.Append(separator).Append(texts[i]);
        }

        return Escaped(builder.ToString());
    }

    internal static Problem TooLarge(int bytes) => new(
        "fragment",
        $"the transformed template makes a {bytes:N0}-byte response, over Lambda's {MaxPayloadBytes:N0}-byte response limit; move resources into nested stacks or shrink inline code");

    /// <summary>Cuts before a surrogate pair rather than through it.</summary>
    private static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var keep = char.IsHighSurrogate(text[max - 2]) ? max - 2 : max - 1;
        return string.Concat(text.AsSpan(0, keep), "…");
    }

    /// <summary>
    /// A lone UTF-16 surrogate (a problem quoting a broken name) is not text and cannot be written as
    /// JSON; it is shown as its escape instead.
    /// </summary>
    private static string Escaped(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(text, i++, 2);
            }
            else if (char.IsSurrogate(text[i]))
            {
                builder.Append($"\\u{(int)text[i]:X4}");
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>The response, or null when the writer refuses a value (System.Text.Json throws these two).</summary>
    private static ArrayBufferWriter<byte>? TryWrite(string? requestId, string status, JsonObject fragment, string? errorMessage)
    {
        try
        {
            return Write(requestId, status, fragment, errorMessage);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    private static ArrayBufferWriter<byte> Write(string? requestId, string status, JsonObject fragment, string? errorMessage)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("requestId", requestId);
            writer.WriteString("status", status);
            writer.WritePropertyName("fragment");
            fragment.WriteTo(writer, NodeOptions);
            if (errorMessage is not null)
            {
                writer.WriteString("errorMessage", errorMessage);
            }

            writer.WriteEndObject();
        }

        return buffer;
    }
}

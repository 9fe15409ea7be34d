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

    /// <summary>The success response, or null when it would not fit Lambda's payload limit.</summary>
    /// <returns>The JSON text (null if too large) and its size in bytes.</returns>
    public static (string? Json, int Bytes) Success(string requestId, JsonObject fragment)
    {
        var bytes = Write(requestId, "success", fragment, errorMessage: null);
        return (bytes.WrittenCount <= MaxPayloadBytes ? Encoding.UTF8.GetString(bytes.WrittenSpan) : null, bytes.WrittenCount);
    }

    /// <summary>
    /// A failure listing every problem, with NoEcho values masked. Echoes the original fragment,
    /// or <c>{}</c> if even that would not fit the payload limit (CloudFormation ignores the
    /// fragment of a failure; the message is what the user sees).
    /// </summary>
    public static string Failure(string? requestId, JsonObject? fragment, IReadOnlyList<Problem> problems, SecretRedactor redactor)
    {
        var message = ErrorMessage(problems, redactor);
        var bytes = Write(requestId, "failure", fragment ?? [], message);
        if (bytes.WrittenCount > MaxPayloadBytes)
        {
            bytes = Write(requestId, "failure", [], message);
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

        return builder.ToString();
    }

    internal static Problem TooLarge(int bytes) => new(
        "fragment",
        $"the transformed template makes a {bytes:N0}-byte response, over Lambda's {MaxPayloadBytes:N0}-byte response limit; move resources into nested stacks or shrink inline code");

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

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

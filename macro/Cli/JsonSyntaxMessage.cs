using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MacroVersioning.Cli;

/// <summary>
/// Says what is wrong with a JSON template in a template author's words. System.Text.Json's messages
/// speak of reader options, payloads and deserialization ("... not supported in this mode. Change the
/// reader options."), advice that fits a programmer, not someone who left a trailing comma in a file;
/// and a repeated key is reported without a position, so it is found here by a second read.
/// </summary>
internal static partial class JsonSyntaxMessage
{
    /// <returns>The reason, 1-based line and column.</returns>
    public static (string Reason, int Line, int Column) Describe(JsonException error, string text)
    {
        // System.Text.Json counts lines from 0 and columns in bytes from 0.
        var line = (int)(error.LineNumber ?? 0) + 1;
        var column = (int)(error.BytePositionInLine ?? 0) + 1;
        var raw = error.Message.Split(" LineNumber:", 2)[0].TrimEnd();
        if (DuplicateKey().Match(raw) is { Success: true } duplicate)
        {
            var (key, dupLine, dupColumn) = FindRepeatedKey(text) ?? (duplicate.Groups[1].Value, line, column);
            return ($"the key \"{key}\" appears twice in one object; remove or rename one of them", dupLine, dupColumn);
        }

        return (Reword(raw), line, column);
    }

    private static string Reword(string raw) => raw switch
    {
        _ when raw.Contains("trailing comma", StringComparison.Ordinal) =>
            $"a comma before the closing '{(raw.Contains("array", StringComparison.Ordinal) ? ']' : '}')}': JSON allows no trailing comma; remove it",
        _ when raw.StartsWith("'/' is ", StringComparison.Ordinal) =>
            "a comment: JSON templates cannot have comments; remove it (or write the template in YAML, where # starts one)",
        _ when raw.Contains("is invalid after a value. Expected either ','", StringComparison.Ordinal) =>
            $"{Token(raw)} follows a value without a comma between them; add a ',' (or close the object or list)",
        _ when raw.Contains("is an invalid start of a property name", StringComparison.Ordinal) =>
            $"{Token(raw)} cannot start a key: keys are text in double quotes, such as \"Resources\"",
        _ when raw.Contains("is an invalid start of a value", StringComparison.Ordinal) =>
            $"{Token(raw)} cannot start a value: text needs double quotes, and JSON has no single quotes",
        _ when raw.Contains("is invalid without a matching open", StringComparison.Ordinal) =>
            $"{Token(raw)} does not match the bracket it would close: a '[' or '{{' is not closed, or this one is of the wrong kind or one too many",
        _ when raw.Contains("is invalid within a JSON string", StringComparison.Ordinal) =>
            "a string is not closed before the end of the line (or holds a raw tab or control character; write it as \\n or \\t)",
        _ when raw.Contains("is an invalid JSON literal", StringComparison.Ordinal) =>
            $"{Token(raw)} is not a JSON value: only true, false, null, numbers, \"text\", objects and lists are",
        _ when raw.Contains("after a single JSON value", StringComparison.Ordinal) =>
            "text after the template's closing '}' (an extra '}' or ']'?)",
        _ when raw.Contains("Expected depth to be zero", StringComparison.Ordinal) || raw.Contains("end of data", StringComparison.Ordinal) =>
            "the file ends before every '{' and '[' is closed",
        _ when raw.Contains("maximum configured depth", StringComparison.Ordinal) =>
            "objects and lists nest too deep for a template",
        _ => raw.Replace(" Change the reader options.", "", StringComparison.Ordinal),
    };

    private static string Token(string raw) => raw.StartsWith('\'') && raw.IndexOf("' is", 1, StringComparison.Ordinal) is var end and > 0
        ? raw[..(end + 1)]
        : "this character";

    /// <summary>Where a key first repeats within one object, or null (then the parser's position stands).</summary>
    private static (string Key, int Line, int Column)? FindRepeatedKey(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = Core.Json.JsonText.MaxDepth });
        var keys = new Stack<HashSet<string>>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        keys.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.EndObject:
                        keys.Pop();
                        break;
                    case JsonTokenType.PropertyName when reader.GetString() is { } key && !keys.Peek().Add(key):
                        var (line, column) = Position(bytes, (int)reader.TokenStartIndex);
                        return (key, line, column);
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }

        return null;
    }

    private static (int Line, int Column) Position(byte[] bytes, int index)
    {
        var lineStart = Array.LastIndexOf(bytes, (byte)'\n', Math.Max(index - 1, 0)) + 1;
        var line = 1 + bytes.AsSpan(0, lineStart).Count((byte)'\n');
        return (line, Encoding.UTF8.GetCharCount(bytes, lineStart, index - lineStart) + 1);
    }

    [GeneratedRegex("^Duplicate property '(.*)' encountered")]
    private static partial Regex DuplicateKey();
}

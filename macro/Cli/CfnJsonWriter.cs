using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MacroVersioning.Cli;

/// <summary>
/// Writes a template as JSON for people and diff tools: 2-space indent, keys in their order, numbers
/// with their original text, non-ASCII characters as themselves (System.Text.Json's encoders escape
/// some of them), and a trailing newline.
/// </summary>
internal static class CfnJsonWriter
{
    public static string Write(JsonNode? node)
    {
        var text = new StringBuilder();
        WriteNode(text, node, 0);
        return text.Append('\n').ToString();
    }

    private static void WriteNode(StringBuilder text, JsonNode? node, int depth)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject obj when obj.Count == 0:
                text.Append("{}");
                break;
            case JsonObject obj:
                text.Append('{');
                var first = true;
                foreach (var (key, value) in obj)
                {
                    text.Append(first ? "\n" : ",\n").Append(' ', (depth + 1) * 2);
                    WriteString(text, key);
                    text.Append(": ");
                    WriteNode(text, value, depth + 1);
                    first = false;
                }

                text.Append('\n').Append(' ', depth * 2).Append('}');
                break;
            case JsonArray array when array.Count == 0:
                text.Append("[]");
                break;
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    text.Append(i == 0 ? "\n" : ",\n").Append(' ', (depth + 1) * 2);
                    WriteNode(text, array[i], depth + 1);
                }

                text.Append('\n').Append(' ', depth * 2).Append(']');
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                WriteString(text, value.GetValue<string>());
                break;
            default:
                // Numbers keep their text (JsonElement-backed values write it back verbatim).
                text.Append(node.ToJsonString());
                break;
        }
    }

    private static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case < ' ': AppendEscape(text, c); break;
                case >= '\uD800' and <= '\uDBFF' when i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]):
                    text.Append(c).Append(value[++i]);
                    break;

                // A lone surrogate would become U+FFFD in UTF-8; the escape keeps it.
                case >= '\uD800' and <= '\uDFFF': AppendEscape(text, c); break;
                default: text.Append(c); break;
            }
        }

        text.Append('"');
    }

    private static void AppendEscape(StringBuilder text, char c) =>
        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
}

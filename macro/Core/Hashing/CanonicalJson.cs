using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;

namespace MacroVersioning.Core.Hashing;

/// <summary>
/// The canonical text that version ids are hashed from. Object keys are sorted ordinally, every
/// scalar is written as a string (Lambda reads <c>MemorySize: 128</c> and <c>"128"</c> alike, and
/// YAML quoting must not publish a version), list order is kept (layer order matters).
/// This format is part of the id contract: changing it republishes every function.
/// </summary>
internal static class CanonicalJson
{
    public static string Serialize(JsonNode? node)
    {
        var buffer = new StringBuilder();
        Write(node, buffer);
        return buffer.ToString();
    }

    private static void Write(JsonNode? node, StringBuilder buffer)
    {
        switch (node)
        {
            case null:
                buffer.Append("null");
                break;
            case JsonObject obj:
                buffer.Append('{');
                var first = true;
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        buffer.Append(',');
                    }

                    first = false;
                    WriteString(key, buffer);
                    buffer.Append(':');
                    Write(value, buffer);
                }

                buffer.Append('}');
                break;
            case JsonArray array:
                buffer.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        buffer.Append(',');
                    }

                    Write(array[i], buffer);
                }

                buffer.Append(']');
                break;
            default:
                var text = JsonText.ScalarText(node);
                if (text is null && node.GetValueKind() == JsonValueKind.Null)
                {
                    buffer.Append("null");
                }
                else
                {
                    WriteString(text ?? node.ToJsonString(), buffer);
                }

                break;
        }
    }

    private static void WriteString(string value, StringBuilder buffer) =>
        buffer.Append(JsonSerializer.Serialize(value, JsonText.Compact));
}

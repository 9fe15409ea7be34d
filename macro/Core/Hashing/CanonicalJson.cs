using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
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
    // Compact, relaxed escaping: the same text JsonSerializer writes for a string with JsonText.Compact.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = true,
    };

    public static string Serialize(JsonNode? node) => Encoding.UTF8.GetString(SerializeUtf8(node).WrittenSpan);

    /// <summary>The canonical text as UTF-8, written straight into a buffer (what the hash reads).</summary>
    public static ArrayBufferWriter<byte> SerializeUtf8(JsonNode? node)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using var writer = new Utf8JsonWriter(buffer, WriterOptions);
        Write(node, writer);
        writer.Flush();
        return buffer;
    }

    private static void Write(JsonNode? node, Utf8JsonWriter writer)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                // Sorting strings, not key-value pairs: the framework has that code precompiled, a
                // sort of pairs is compiled at run time, in every cold start.
                var keys = new string[obj.Count];
                for (var i = 0; i < keys.Length; i++)
                {
                    keys[i] = obj.GetAt(i).Key;
                }

                Array.Sort(keys, StringComparer.Ordinal);
                writer.WriteStartObject();
                foreach (var key in keys)
                {
                    writer.WritePropertyName(key);
                    Write(obj[key], writer);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                for (var i = 0; i < array.Count; i++)
                {
                    Write(array[i], writer);
                }

                writer.WriteEndArray();
                break;
            default:
                var text = JsonText.ScalarText(node);
                if (text is null && node.GetValueKind() == JsonValueKind.Null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    writer.WriteStringValue(text ?? node.ToJsonString());
                }

                break;
        }
    }
}

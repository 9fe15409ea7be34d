using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MacroVersioning.Core.Json;

/// <summary>Shared JSON reading and writing settings, so every caller emits the same text.</summary>
public static class JsonText
{
    /// <summary>
    /// How deep objects and lists may nest, in any JSON the macro reads. Far deeper than any real
    /// template, yet a bound: every stage walks values recursively, and a stack overflow cannot be caught.
    /// </summary>
    public const int MaxDepth = 256;

    /// <summary>
    /// Writing must take whatever reading accepted, plus the few levels the macro wraps around a value
    /// (System.Text.Json writes only 64 levels by default, and throws past them).
    /// </summary>
    private const int WriteDepth = MaxDepth + 8;

    /// <summary>2-space indent; non-ASCII kept readable (CloudFormation accepts UTF-8).</summary>
    public static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = WriteDepth,
    };

    public static readonly JsonSerializerOptions Compact = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = WriteDepth,
    };

    public static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };

    public static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth, AllowDuplicateProperties = false };

    /// <exception cref="JsonException">Not JSON, nested too deep, a repeated key, or a name that is not text.</exception>
    public static JsonNode? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text, NodeOptions, DocumentOptions);
        }
        catch (InvalidOperationException e)
        {
            // Comparing names for repeats decodes them; a lone surrogate escape fails there, not as a JsonException.
            throw new JsonException($"a property name is not text (it has a lone UTF-16 surrogate escape): {e.Message}", e);
        }
    }

    public static string ToIndented(JsonNode? node) => (node?.ToJsonString(Indented) ?? "null") + "\n";

    public static string ToCompact(JsonNode? node) => node?.ToJsonString(Compact) ?? "null";

    /// <summary>The text of a scalar as Lambda sees it: <c>128</c> and <c>"128"</c> are the same value.</summary>
    public static string? ScalarText(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.Number => v.ToJsonString(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True => "true",
        JsonValue v when v.GetValueKind() is JsonValueKind.False => "false",
        _ => null,
    };
}

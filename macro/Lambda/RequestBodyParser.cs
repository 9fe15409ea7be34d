using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MacroVersioning.Core;

namespace MacroVersioning.Lambda;

/// <summary>
/// Parses an invocation body into a JSON tree, or says exactly why it cannot: empty, not JSON
/// (with the position), nested too deep, or a repeated key.
/// </summary>
internal static class RequestBodyParser
{
    /// <summary>
    /// Far deeper than any real template, yet shallow enough that code walking the tree recursively
    /// cannot exhaust the stack (a stack overflow would kill the process, not fail the request).
    /// </summary>
    public const int MaxDepth = 256;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth, AllowDuplicateProperties = false };

    /// <returns>The root node (null for the JSON literal <c>null</c>), or the one problem that stopped parsing.</returns>
    public static (JsonNode? Root, Problem? Problem) Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, new Problem(string.Empty, "the request body is empty; a CloudFormation macro request is a JSON object with requestId, fragment, params and templateParameterValues"));
        }

        var utf8 = Encoding.UTF8.GetBytes(body);
        if (Scan(utf8) is { } problem)
        {
            return (null, problem);
        }

        try
        {
            return (JsonNode.Parse(utf8, documentOptions: DocumentOptions), null);
        }
        catch (JsonException)
        {
            // The scan has ruled out syntax and depth, which leaves a key repeated within one object.
            return (null, new Problem(string.Empty, "the request body repeats a property name within one object; JSON object keys must be unique"));
        }
    }

    /// <summary>A forward-only pass for syntax and depth, so both get a message of our own with a position.</summary>
    private static Problem? Scan(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth + 1 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= MaxDepth)
                {
                    return new Problem(string.Empty, $"the request body nests objects and arrays more than {MaxDepth} levels deep; the macro reads templates up to that depth");
                }
            }

            return null;
        }
        catch (JsonException e)
        {
            return new Problem(string.Empty, $"the request body is not valid JSON (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}); a CloudFormation macro request is a JSON object");
        }
    }
}

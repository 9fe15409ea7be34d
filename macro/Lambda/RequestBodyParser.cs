using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MacroVersioning.Core;

namespace MacroVersioning.Lambda;

/// <summary>
/// Parses an invocation body into a JSON tree, or says exactly why it cannot: empty, not JSON
/// (with the position), nested too deep, a repeated key, or a string that is not text. For a body
/// that is JSON but refused, or not JSON after a complete top-level <c>requestId</c>, the request id is
/// still found, so the failure reaches its request.
/// </summary>
internal static class RequestBodyParser
{
    /// <summary>
    /// Far deeper than any real template, yet shallow enough that code walking the tree recursively
    /// cannot exhaust the stack (a stack overflow would kill the process, not fail the request).
    /// </summary>
    public const int MaxDepth = 256;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth, AllowDuplicateProperties = false };

    /// <returns>
    /// The root node (null for the JSON literal <c>null</c>), or the one problem that stopped parsing
    /// and the top-level request id when one could be read (for a body that is not JSON, one read before the error).
    /// </returns>
    public static (JsonNode? Root, Problem? Problem, string? RequestId) Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, new Problem(string.Empty, "the request body is empty; a CloudFormation macro request is a JSON object with requestId, fragment, params and templateParameterValues"), null);
        }

        var utf8 = Encoding.UTF8.GetBytes(body);
        var (syntax, refused) = Scan(utf8);
        if (syntax is not null)
        {
            // A stray byte after a complete request (or an error late in the fragment) still leaves
            // the id readable; echoing it lets CloudFormation show this message instead of a mismatch.
            return (null, syntax, RequestBodyLocator.Locate(utf8, MaxDepth).RequestId);
        }

        if (!refused)
        {
            try
            {
                return (JsonNode.Parse(utf8, documentOptions: DocumentOptions), null, null);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                // The scan has ruled out syntax, depth and broken strings, which leaves a repeated key.
            }
        }

        var (requestId, located) = RequestBodyLocator.Locate(utf8, MaxDepth);
        return (null, located ?? new Problem(string.Empty, "the request body could not be read as JSON; a CloudFormation macro request is a JSON object"), requestId);
    }

    /// <summary>
    /// A forward-only pass for syntax (a message of our own, with a position), depth and strings that
    /// are not text (an escaped lone surrogate: reading or writing it later would throw).
    /// </summary>
    /// <returns>The syntax problem, or whether the body is JSON the macro refuses.</returns>
    private static (Problem? Syntax, bool Refused) Scan(ReadOnlySpan<byte> utf8)
    {
        // Read to the end whatever the depth (the reader nests in a bit stack, not on the call stack):
        // a syntax error anywhere makes the body not JSON, and a refused body is then known to be JSON.
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = int.MaxValue });
        try
        {
            var refused = false;
            while (reader.Read())
            {
                refused = refused
                    || (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= MaxDepth)
                    || (reader.ValueIsEscaped && reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && !IsText(ref reader));
            }

            return (null, refused);
        }
        catch (JsonException e)
        {
            return (new Problem(string.Empty, $"the request body is not valid JSON (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}); a CloudFormation macro request is a JSON object"), false);
        }
    }

    private static bool IsText(ref Utf8JsonReader reader)
    {
        try
        {
            reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using MacroVersioning.Core;

namespace MacroVersioning.Lambda;

/// <summary>
/// The outer shape of a macro request, checked field by field before the core sees anything.
/// See https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-macros.html
/// (request: region, accountId, fragment, transformId, params, requestId, templateParameterValues).
/// </summary>
/// <param name="RequestId">The request id to echo, whenever the body had a string there.</param>
/// <param name="Fragment">The fragment when it is an object, even if other fields are wrong (echoed on failure).</param>
/// <param name="TemplateParameterValues">The parameter values when they are an object (for redaction).</param>
/// <param name="Request">The request for the core; null exactly when there are problems.</param>
internal sealed record MacroEnvelope(
    string? RequestId,
    JsonObject? Fragment,
    JsonObject? TemplateParameterValues,
    MacroRequest? Request,
    IReadOnlyList<Problem> Problems)
{
    private const string Shape = "a CloudFormation macro request is a JSON object with requestId, fragment, params and templateParameterValues";

    public static MacroEnvelope Read(string body)
    {
        var (root, parseProblem, bodyRequestId) = RequestBodyParser.Parse(body);
        if (parseProblem is not null)
        {
            return new(bodyRequestId, null, null, null, [parseProblem]);
        }

        if (root is not JsonObject request)
        {
            return new(null, null, null, null, [new Problem(string.Empty, $"the request body is {Describe(root)}; {Shape}")]);
        }

        var problems = new List<Problem>();
        var requestId = request["requestId"] is JsonValue id && id.GetValueKind() == JsonValueKind.String ? id.GetValue<string>() : null;
        RequireString(request, "requestId", "the id CloudFormation expects back in the response", problems);
        var region = RequireString(request, "region", "the region of the stack being deployed", problems);
        var accountId = RequireString(request, "accountId", "the account of the stack being deployed", problems);
        var fragment = RequireObject(request, "fragment", "the template being transformed", problems);
        // Absent or null means "none": failing every deployment if CloudFormation ever omits them would be worse.
        var macroParams = OptionalObject(request, "params", "the Parameters of the template's VersioningMacro Transform entry", problems);
        var values = OptionalObject(request, "templateParameterValues", "the template's parameter values", problems);

        if (fragment is not null && !fragment.ContainsKey("Resources"))
        {
            problems.Add(new Problem("fragment", "has no Resources, so VersioningMacro was called through Fn::Transform on a snippet; it versions whole templates: list it in the template-level Transform, before the SAM transform (Transform: [VersioningMacro, AWS::Serverless-2016-10-31])"));
        }

        if (values is not null)
        {
            CheckParameterValues(values, problems);
        }

        var macroRequest = problems.Count == 0
            ? new MacroRequest(fragment!, values!, macroParams!, region!, accountId!)
            : null;
        return new(requestId, fragment, values, macroRequest, problems);
    }

    private static string? RequireString(JsonObject request, string name, string what, List<Problem> problems)
    {
        if (!request.TryGetPropertyValue(name, out var node))
        {
            problems.Add(new Problem(name, $"missing; expected a string: {what}"));
            return null;
        }

        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            problems.Add(new Problem(name, $"expected a string ({what}), got {Describe(node)}"));
            return null;
        }

        var text = value.GetValue<string>();
        if (text.Length == 0)
        {
            problems.Add(new Problem(name, $"is empty; expected a non-empty string: {what}"));
            return null;
        }

        return text;
    }

    private static JsonObject? RequireObject(JsonObject request, string name, string what, List<Problem> problems)
    {
        if (!request.TryGetPropertyValue(name, out var node))
        {
            problems.Add(new Problem(name, $"missing; expected an object: {what}"));
            return null;
        }

        if (node is not JsonObject obj)
        {
            problems.Add(new Problem(name, $"expected an object ({what}), got {Describe(node)}"));
            return null;
        }

        return obj;
    }

    private static JsonObject? OptionalObject(JsonObject request, string name, string what, List<Problem> problems) =>
        request[name] is null ? [] : RequireObject(request, name, what, problems);

    /// <summary>CloudFormation sends each value as a string, a CommaDelimitedList or List&lt;…&gt; as an array of strings.</summary>
    private static void CheckParameterValues(JsonObject values, List<Problem> problems)
    {
        foreach (var (name, value) in values)
        {
            var ok = value switch
            {
                JsonArray items => items.All(IsScalar),
                _ => IsScalar(value),
            };
            if (!ok)
            {
                problems.Add(new Problem($"templateParameterValues.{name}", $"expected a string or a list of strings (the parameter's value), got {Describe(value)}{(value is JsonArray ? " with non-string items" : string.Empty)}"));
            }
        }
    }

    private static bool IsScalar(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False;

    internal static string Describe(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "a boolean",
    };
}

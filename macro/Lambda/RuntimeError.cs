using System.Text.Json.Nodes;

namespace MacroVersioning.Lambda;

/// <summary>
/// The error document the runtime API takes on its error endpoints:
/// <c>{errorMessage, errorType, stackTrace}</c>, with <c>errorType</c> also sent as the
/// <c>Lambda-Runtime-Function-Error-Type</c> header.
/// See https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html#runtimes-api-invokeerror
/// </summary>
internal sealed record RuntimeError(string ErrorType, string ErrorMessage, IReadOnlyList<string> StackTrace)
{
    public static RuntimeError From(Exception exception) => new(
        exception.GetType().Name,
        exception.Message,
        exception.StackTrace?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? []);

    public string ToJson() => new JsonObject
    {
        ["errorMessage"] = ErrorMessage,
        ["errorType"] = ErrorType,
        ["stackTrace"] = new JsonArray([.. StackTrace.Select(line => (JsonNode?)line)]),
    }.ToJsonString();
}

using System.Text.Json.Nodes;

namespace MacroVersioning.Lambda;

/// <summary>What one invocation answered, and the counts its log line reports.</summary>
/// <param name="Failure">Why the macro could not finish, beyond the template's own problems: <c>timeout</c> or <c>internal</c>.</param>
/// <param name="Exception">For an internal error, the exception type and stack trace (never its message, which might quote input).</param>
internal sealed record InvocationOutcome(
    string Response,
    string? RequestId,
    string Status,
    int FunctionsVersioned = 0,
    int FunctionsSkipped = 0,
    int Problems = 0,
    string? Failure = null,
    Exception? Exception = null)
{
    /// <summary>
    /// One JSON line for CloudWatch Logs (queryable with Logs Insights). Counts and ids only: no
    /// parameter value, no fragment, no problem text.
    /// </summary>
    public string LogLine(long durationMs, SecretRedactor redactor)
    {
        var line = new JsonObject
        {
            ["requestId"] = RequestId is null ? null : redactor.Redact(RequestId),
            ["status"] = Status,
            ["functionsVersioned"] = FunctionsVersioned,
            ["functionsSkipped"] = FunctionsSkipped,
            ["problems"] = Problems,
            ["durationMs"] = durationMs,
        };
        if (Failure is not null)
        {
            line["failure"] = Failure;
        }

        if (Exception is not null)
        {
            line["exception"] = Exception.GetType().FullName;
            line["stackTrace"] = Exception.StackTrace;
        }

        return line.ToJsonString();
    }
}

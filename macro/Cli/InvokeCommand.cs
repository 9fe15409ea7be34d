using System.Text.Json;
using System.Text.Json.Nodes;

namespace MacroVersioning.Cli;

/// <summary>
/// <c>invoke EVENT.json</c>: hands a macro request to exactly the handler the Lambda runs and prints its
/// response. Exit code 0 when the response says <c>success</c>, 1 otherwise (its <c>errorMessage</c> on stderr).
/// </summary>
/// <param name="handlerFor">Builds the handler, given the writer it should log to (stderr, masked for NoEcho values).</param>
internal sealed class InvokeCommand(
    TextWriter stdout, TextWriter stderr, Func<TextWriter, Func<string, CancellationToken, Task<string>>> handlerFor)
{
    public async Task<int> RunAsync(InvokeRequest request, CancellationToken cancellationToken)
    {
        string body;
        try
        {
            // Synchronous on purpose: an async file read hops to the thread pool, which a one-shot
            // CLI would start just for this (several milliseconds of a ~60 ms run).
            body = File.ReadAllText(request.EventPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = File.Exists(request.EventPath) ? $"cannot be read: {e.Message}" : "does not exist";
            await stderr.WriteLineAsync($"error: event {request.EventPath} {reason}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        using var log = new RedactingWriter(stderr, Secrets(body));
        var response = await handlerFor(log)(body, cancellationToken).ConfigureAwait(false);
        var parsed = TryParse(response);
        await stdout.WriteAsync(parsed is null ? response.TrimEnd('\n') + "\n" : CfnJsonWriter.Write(parsed)).ConfigureAwait(false);
        await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);

        switch (Text(parsed?["status"]))
        {
            case "success":
                return ExitCodes.Success;
            case "failure":
                log.WriteLine($"the macro answered failure: {Text(parsed?["errorMessage"]) ?? "(no errorMessage)"}");
                return ExitCodes.Rejected;
            default:
                log.WriteLine("the handler's response has no status (success or failure): CloudFormation would report a malformed response");
                return ExitCodes.Rejected;
        }
    }

    /// <summary>
    /// The NoEcho values to mask, or none when the event cannot be read that far (a repeated key, a
    /// string that is not text): the handler then refuses the event without quoting any value.
    /// </summary>
    private static IReadOnlyList<string> Secrets(string body)
    {
        try
        {
            return TryParse(body) is { } request && request["fragment"] is JsonObject fragment
                ? TemplateParameters.Secrets(fragment, request["templateParameterValues"] as JsonObject)
                : [];
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            return [];
        }
    }

    private static JsonObject? TryParse(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}

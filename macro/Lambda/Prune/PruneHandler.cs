using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using MacroVersioning.Core.Emit;
using MacroVersioning.Core.Json;
using MacroVersioning.Core.Pruning;

namespace MacroVersioning.Lambda.Prune;

/// <summary>
/// Serves <c>Custom::VersioningMacroPrune</c>: on Create and Update asks the pruner to delete the function's old
/// macro versions beyond <c>KeepVersions</c>, never the version this update added (<c>Version</c>) nor the one the
/// stack held before (<c>OldResourceProperties.Version</c>); on Delete deletes nothing. Whatever happens it
/// answers SUCCESS on the ResponseURL within its deadline (pruning never fails or rolls back a deployment), and
/// writes one JSON log line. Never throws.
/// See https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requests.html
/// </summary>
internal sealed class PruneHandler(Func<string, IVersionPruner> prunerForRegion, ResponseUrlClient responder, TextWriter log)
{
    /// <summary>When there is no Lambda deadline (a local run), delivering the response gives up after this.</summary>
    internal static readonly TimeSpan UndeadlinedResponseLimit = TimeSpan.FromSeconds(30);

    /// <summary>How much before Lambda's deadline the last response attempt must have started.</summary>
    internal static readonly TimeSpan ResponseMargin = TimeSpan.FromMilliseconds(100);

    /// <returns>A short JSON summary for the runtime API (CloudFormation invokes asynchronously and reads only the ResponseURL).</returns>
    public async Task<string> HandleAsync(string body, InvocationContext context, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var line = new JsonObject { ["requestId"] = context.RequestId, ["customResource"] = null };
        var result = new JsonObject();
        try
        {
            await ServeAsync(body, context, cancellationToken, line, result).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Only reached by a bug past the point of answering; the answer (if any) is already recorded.
            line["exception"] = e.GetType().FullName;
            line["stackTrace"] = e.StackTrace;
        }

        line["durationMs"] = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        try
        {
            log.WriteLine(line.ToJsonString());
        }
        catch (Exception)
        {
            // A broken log stream must not turn an answer into a crash.
        }

        return result.ToJsonString();
    }

    private async Task ServeAsync(string body, InvocationContext context, CancellationToken cancellationToken, JsonObject line, JsonObject result)
    {
        var request = Read(body);
        line["customResource"] = request?.RequestType;
        line["logicalResourceId"] = request?.LogicalResourceId;
        if (request?.ResponseUrl is not { } url)
        {
            // Nowhere to answer: CloudFormation will time the resource out. Said in the log, where someone looks.
            var why = request is null ? "the event is not a JSON object" : "the custom-resource event has no http(s) ResponseURL";
            line["answered"] = false;
            line["reason"] = why;
            result["answered"] = false;
            result["reason"] = why;
            return;
        }

        var (reason, outcome) = await DecideAsync(request, context, cancellationToken, line).ConfigureAwait(false);
        var response = CustomResourceResponse.Build(request, reason, outcome);
        using var responseDeadline = ResponseDeadline(context);
        var (delivered, attempts, error) = await responder.PutAsync(url, response, responseDeadline.Token).ConfigureAwait(false);
        line["status"] = CustomResourceResponse.Success;
        line["reason"] = reason;
        line["answered"] = delivered;
        line["attempts"] = attempts;
        line["responseError"] = error;
        result["answered"] = delivered;
        result["response"] = JsonNode.Parse(response);
    }

    private static CustomResourceEvent? Read(string body)
    {
        try
        {
            return JsonText.Parse(body) is JsonObject obj ? CustomResourceEvent.Read(obj) : null;
        }
        catch (Exception)
        {
            return null;
        }
    }

    private async Task<(string Reason, PruneOutcome? Outcome)> DecideAsync(
        CustomResourceEvent request, InvocationContext context, CancellationToken cancellationToken, JsonObject line)
    {
        if (request.RequestType == "Delete")
        {
            return ("Delete: nothing deleted (removing the prune resource keeps every version)", null);
        }

        if (request.RequestType is not ("Create" or "Update"))
        {
            return ($"RequestType {request.RequestType ?? "(missing)"} is not Create, Update or Delete: nothing done", null);
        }

        if (request.ResourceType != PruneResource.Type)
        {
            return ($"ResourceType {request.ResourceType ?? "(missing)"} is not {PruneResource.Type}: nothing done", null);
        }

        if (PruneProperties.Read(request.Properties, request.OldProperties) is not { } prune)
        {
            return (PruneProperties.Problem(request.Properties) + "; nothing deleted", null);
        }

        line["function"] = prune.FunctionName;
        line["keepVersions"] = prune.Keep;
        if ((request.StackRegion() ?? FunctionArn.Region(context.FunctionArn)) is not { } region)
        {
            return ("the stack's Region is unknown (no StackId ARN, no invoked function ARN): nothing deleted", null);
        }

        return await PruneAsync(prunerForRegion(region), prune, context, cancellationToken, line).ConfigureAwait(false);
    }

    private static async Task<(string Reason, PruneOutcome? Outcome)> PruneAsync(
        IVersionPruner pruner, PruneRequest prune, InvocationContext context, CancellationToken cancellationToken, JsonObject line)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (PruneDeadline.PrunerBudget(context.DeadlineUnixMs, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()) is { } time)
        {
            budget.CancelAfter(time);
        }

        try
        {
            // WaitAsync bounds the wait even for a pruner that ignores the token.
            var outcome = await pruner.PruneAsync(prune, budget.Token).WaitAsync(budget.Token).ConfigureAwait(false);
            line["deleted"] = new JsonArray([.. outcome.Deleted.Select(v => (JsonNode?)JsonValue.Create(v))]);
            line["kept"] = Notes(outcome.Kept);
            line["failed"] = Notes(outcome.Failed);
            var summary = string.Create(
                CultureInfo.InvariantCulture,
                $"{prune.FunctionName}: deleted {outcome.Deleted.Count}, kept {outcome.Kept.Count}, failed {outcome.Failed.Count} (KeepVersions {prune.Keep})");
            return (summary, outcome);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            line["failure"] = "timeout";
            return ($"{prune.FunctionName}: pruning stopped at the macro's deadline; versions it deleted before stopping are not listed (raise the macro function's Timeout)", null);
        }
        catch (Exception e)
        {
            line["failure"] = "internal";
            line["exception"] = e.GetType().FullName;
            line["stackTrace"] = e.StackTrace;
            return ($"{prune.FunctionName}: pruning hit an internal error ({e.GetType().Name}); nothing more was deleted (the stack trace is in the macro's log)", null);
        }
    }

    // An array of JsonNode, not a collection expression: that would call JsonArray.Add<T>, which AOT refuses (IL2026/IL3050).
    private static JsonArray Notes(IReadOnlyList<PrunedVersionNote> notes) =>
        new([.. notes.Select(n => (JsonNode?)new JsonObject { ["version"] = n.Version, ["reason"] = n.Reason })]);

    private static CancellationTokenSource ResponseDeadline(InvocationContext context)
    {
        var limit = context.DeadlineUnixMs is { } deadline
            ? TimeSpan.FromMilliseconds(deadline - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()) - ResponseMargin
            : UndeadlinedResponseLimit;
        var source = new CancellationTokenSource();
        source.CancelAfter(limit > TimeSpan.Zero ? limit : TimeSpan.Zero);
        return source;
    }
}

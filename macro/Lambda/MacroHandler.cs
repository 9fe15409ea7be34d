using System.Diagnostics;
using System.Text.Json.Nodes;
using MacroVersioning.Code;
using MacroVersioning.Core;

namespace MacroVersioning.Lambda;

/// <summary>
/// Turns one macro request body into one response body. Never throws: every problem becomes a
/// <c>status: failure</c> response, because CloudFormation shows an exception only as
/// "Received malformed response from transform".
/// See https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-macros.html
/// </summary>
public sealed class MacroHandler
{
    internal const string TimeoutMessage =
        "the macro ran out of time reading code before its Lambda deadline and changed nothing; raise the Timeout of the macro's function, or set CodeIdentity: location to hash S3 locations instead of reading the objects";

    /// <summary>
    /// How long, once the token fired, the handler waits for the core to say which reads it stopped.
    /// Well inside <see cref="InvocationDeadline.MinMargin"/>, which must still carry the answer out.
    /// </summary>
    internal static readonly TimeSpan CancelGrace = TimeSpan.FromMilliseconds(100);

    private readonly Func<string, ICodeIdentitySource> codeSourceForRegion;
    private readonly TransformOptions options;
    private readonly TextWriter log;
    private readonly Func<MacroRequest, TransformOptions, ICodeIdentitySource, CancellationToken, Task<TransformResult>> transform;

    /// <param name="codeSourceForRegion">The code-identity source for the request's region (Lambda reads code buckets there).</param>
    /// <param name="options">How to transform; <see cref="TransformOptions.Lambda"/> in the Lambda.</param>
    /// <param name="log">Receives one JSON line per invocation.</param>
    public MacroHandler(Func<string, ICodeIdentitySource> codeSourceForRegion, TransformOptions options, TextWriter log)
        : this(codeSourceForRegion, options, log, MacroTransformer.TransformAsync)
    {
    }

    /// <summary>Tests put a transform here that stalls or throws, to prove the handler still answers.</summary>
    internal MacroHandler(
        Func<string, ICodeIdentitySource> codeSourceForRegion,
        TransformOptions options,
        TextWriter log,
        Func<MacroRequest, TransformOptions, ICodeIdentitySource, CancellationToken, Task<TransformResult>> transform)
    {
        this.codeSourceForRegion = codeSourceForRegion;
        this.options = options;
        this.log = log;
        this.transform = transform;
    }

    /// <param name="requestBody">The CloudFormation macro request, as Lambda delivered it.</param>
    /// <param name="cancellationToken">Fires shortly before the Lambda deadline; the answer is then a failure that says so.</param>
    public Task<string> HandleAsync(string requestBody, CancellationToken cancellationToken) =>
        HandleAsync(requestBody, serviceToken: null, cancellationToken);

    /// <param name="requestBody">The CloudFormation macro request, as Lambda delivered it.</param>
    /// <param name="serviceToken">The macro function's unqualified ARN, for KeepVersions prune resources (see <see cref="TransformOptions.ServiceToken"/>); null keeps the options' own.</param>
    /// <param name="cancellationToken">Fires shortly before the Lambda deadline; the answer is then a failure that says so.</param>
    public async Task<string> HandleAsync(string requestBody, string? serviceToken, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var redactor = SecretRedactor.None;
        InvocationOutcome outcome;
        try
        {
            var envelope = MacroEnvelope.Read(requestBody);
            redactor = SecretRedactor.FromRequest(envelope.Fragment, envelope.TemplateParameterValues);
            var invocationOptions = serviceToken is null ? options : options with { ServiceToken = serviceToken };
            outcome = await TransformAsync(envelope, invocationOptions, redactor, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            outcome = LastResort(e);
        }

        try
        {
            log.WriteLine(outcome.LogLine((long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, redactor));
        }
        catch (Exception)
        {
            // A broken log stream must not turn an answer into a crash.
        }

        return outcome.Response;
    }

    private async Task<InvocationOutcome> TransformAsync(
        MacroEnvelope envelope, TransformOptions invocationOptions, SecretRedactor redactor, CancellationToken cancellationToken)
    {
        if (envelope.Request is not { } request)
        {
            return Failed(envelope.RequestId, envelope.Fragment, envelope.Problems, redactor);
        }

        var requestId = envelope.RequestId!;
        Task<TransformResult>? work = null;
        try
        {
            // Even past the deadline the core runs: its reads then fail at once, each naming its function
            // and object, and a template that needs no reads is answered in full.
            work = transform(request, invocationOptions, codeSourceForRegion(request.Region), cancellationToken);

            // WaitAsync bounds the wait even if some code path ignores the token.
            var result = await work.WaitAsync(cancellationToken).ConfigureAwait(false);
            return Answer(requestId, request.Fragment, result, redactor, cancellationToken.IsCancellationRequested);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The core stops reading the moment the token fires and says which function's code it
            // could not read; that beats a message naming nothing, if it comes within the grace.
            if (work is not null && await SettledAsync(work).ConfigureAwait(false) is { } late)
            {
                return Answer(requestId, request.Fragment, late, redactor, timedOut: true);
            }

            return Failed(requestId, request.Fragment, [new Problem(string.Empty, TimeoutMessage)], redactor) with { Failure = "timeout" };
        }
        catch (Exception e)
        {
            return Internal(requestId, request.Fragment, redactor, e);
        }
    }

    private static InvocationOutcome Answer(string requestId, JsonObject fragmentIn, TransformResult result, SecretRedactor redactor, bool timedOut)
    {
        var versioned = result.Functions.Count(f => f.Versioned);
        var skipped = result.Functions.Count - versioned;
        if (result.Fragment is { } fragment && result.Problems.Count == 0)
        {
            var (response, unwritten) = MacroResponse.Success(requestId, fragment);
            return response is not null
                ? new InvocationOutcome(response, requestId, "success", versioned, skipped)
                : Failed(requestId, fragmentIn, [unwritten!], redactor) with { FunctionsVersioned = versioned, FunctionsSkipped = skipped };
        }

        IReadOnlyList<Problem> problems = result.Problems.Count > 0
            ? result.Problems
            : [new Problem(string.Empty, "the transform returned neither a fragment nor a problem; this is a bug in VersioningMacro, please report it")];
        return Failed(requestId, fragmentIn, problems, redactor) with
        {
            FunctionsVersioned = versioned,
            FunctionsSkipped = skipped,
            Failure = timedOut ? "timeout" : null,
        };
    }

    /// <summary>The transform's result if it finishes within <see cref="CancelGrace"/> of the token firing.</summary>
    private static async Task<TransformResult?> SettledAsync(Task<TransformResult> work)
    {
        try
        {
            return await work.WaitAsync(CancelGrace).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Still running (TimeoutException), cancelled or failed: the generic timeout answer stands.
            return null;
        }
    }

    // Reached only if reading the envelope itself broke: no request id or fragment is known, and
    // nothing that could fail again is called.
    private static InvocationOutcome LastResort(Exception exception) => new(
        """{"requestId":null,"status":"failure","fragment":{},"errorMessage":"VersioningMacro hit an internal error reading the request and changed nothing; this is a bug, please report it (the stack trace is in the macro's log)"}""",
        null,
        "failure",
        Problems: 1,
        Failure: "internal",
        Exception: exception);

    private static InvocationOutcome Failed(string? requestId, JsonObject? fragment, IReadOnlyList<Problem> problems, SecretRedactor redactor) =>
        new(MacroResponse.Failure(requestId, fragment, problems, redactor), requestId, "failure", Problems: problems.Count);

    private static InvocationOutcome Internal(string? requestId, JsonObject? fragment, SecretRedactor redactor, Exception exception)
    {
        var message = $"VersioningMacro hit an internal error ({exception.GetType().Name}) and changed nothing; this is a bug, please report it{(requestId is null ? string.Empty : $" with request id {requestId}")} (the stack trace is in the macro's log)";
        return Failed(requestId, fragment, [new Problem(string.Empty, message)], redactor) with { Failure = "internal", Exception = exception };
    }
}

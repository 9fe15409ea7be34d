using System.Text.Json.Nodes;

namespace MacroVersioning.Lambda;

/// <summary>
/// The runtime API loop: next → handler → response, one invocation at a time, until stopped.
/// A failing invocation is reported on its error endpoint and the loop goes on serving; a failing
/// <c>next</c> is retried with backoff; a failing initialization goes to <c>init/error</c>.
/// See https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html
/// </summary>
internal sealed class RuntimeLoop(RuntimeApiClient api, TextWriter log, RuntimeLoopOptions options)
{
    /// <summary>The X-Ray SDK reads the trace header of the current invocation from here.</summary>
    public const string TraceIdVariable = "_X_AMZN_TRACE_ID";

    /// <returns>0 when stopped through <paramref name="stop"/>; 1 after an init error or when <c>next</c> keeps failing.</returns>
    public async Task<int> RunAsync(Func<InvocationHandler> initialize, CancellationToken stop)
    {
        InvocationHandler handler;
        try
        {
            handler = initialize();
        }
        catch (Exception e)
        {
            Log("init failed", e);
            await TryAsync("init error", () => api.PostInitErrorAsync(RuntimeError.From(e), stop)).ConfigureAwait(false);
            return 1;
        }

        var failures = 0;
        while (!stop.IsCancellationRequested)
        {
            RuntimeInvocation invocation;
            try
            {
                invocation = await api.NextAsync(stop).ConfigureAwait(false);
                failures = 0;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return 0;
            }
            catch (Exception e)
            {
                failures++;
                Log($"next failed ({failures} in a row)", e);
                if (failures >= options.MaxConsecutiveNextFailures)
                {
                    return 1;
                }

                try
                {
                    await Task.Delay(options.RetryDelay(failures), stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return 0;
                }

                continue;
            }

            await ServeAsync(handler, invocation, stop).ConfigureAwait(false);
        }

        return 0;
    }

    private async Task ServeAsync(InvocationHandler handler, RuntimeInvocation invocation, CancellationToken stop)
    {
        // Set or cleared on every invocation, so one invocation's trace never leaks into the next.
        Environment.SetEnvironmentVariable(TraceIdVariable, invocation.TraceId);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stop);
        if (InvocationDeadline.Budget(invocation.DeadlineUnixMs, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()) is { } budget)
        {
            // CancelAfter(0) would only cancel on a timer tick, after the handler has started.
            if (budget > TimeSpan.Zero)
            {
                deadline.CancelAfter(budget);
            }
            else
            {
                await deadline.CancelAsync().ConfigureAwait(false);
            }
        }

        string response;
        try
        {
            var context = new InvocationContext(invocation.RequestId, invocation.FunctionArn, invocation.DeadlineUnixMs);
            response = await handler(invocation.Body, context, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Log($"invocation {invocation.RequestId} failed", e);
            await TryAsync("invocation error", () => api.PostInvocationErrorAsync(invocation.RequestId, RuntimeError.From(e), stop)).ConfigureAwait(false);
            return;
        }

        if (!await TryAsync("response", () => api.PostResponseAsync(invocation.RequestId, response, stop)).ConfigureAwait(false))
        {
            // If Lambda never got the answer, failing the invocation now beats leaving CloudFormation
            // waiting for the timeout; if it did, this post is refused and changes nothing.
            var error = new RuntimeError("Runtime.ResponseNotDelivered", "the macro's response could not be posted to the runtime API", []);
            await TryAsync("invocation error", () => api.PostInvocationErrorAsync(invocation.RequestId, error, stop)).ConfigureAwait(false);
        }
    }

    private async Task<bool> TryAsync(string what, Func<Task> post)
    {
        try
        {
            await post().ConfigureAwait(false);
            return true;
        }
        catch (Exception e)
        {
            Log($"posting the {what} failed", e);
            return false;
        }
    }

    private void Log(string message, Exception exception)
    {
        var line = new JsonObject
        {
            ["runtime"] = message,
            ["exception"] = exception.GetType().FullName,
            ["error"] = exception.Message,
        };
        if (exception.InnerException is { } cause)
        {
            line["cause"] = cause.Message;
        }

        try
        {
            log.WriteLine(line.ToJsonString());
        }
        catch (IOException)
        {
            // Logging must never take the loop down.
        }
    }
}

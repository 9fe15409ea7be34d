namespace MacroVersioning.Lambda;

/// <summary>Turns one event body into one response body; the runtime loop's only view of the function.</summary>
/// <param name="body">The invocation payload.</param>
/// <param name="context">The invocation's request id, invoked ARN and deadline.</param>
/// <param name="cancellationToken">Fires shortly before Lambda's deadline (see <see cref="InvocationDeadline"/>).</param>
internal delegate Task<string> InvocationHandler(string body, InvocationContext context, CancellationToken cancellationToken);

namespace MacroVersioning.Lambda;

/// <summary>What the runtime API says about one invocation besides its body (the handler's view of the headers).</summary>
/// <param name="RequestId"><c>Lambda-Runtime-Aws-Request-Id</c>.</param>
/// <param name="FunctionArn"><c>Lambda-Runtime-Invoked-Function-Arn</c>: the macro's own ARN, as invoked (maybe qualified).</param>
/// <param name="DeadlineUnixMs"><c>Lambda-Runtime-Deadline-Ms</c>: when Lambda stops the function; null if unknown.</param>
internal sealed record InvocationContext(string RequestId, string? FunctionArn, long? DeadlineUnixMs)
{
    /// <summary>For callers outside the runtime loop (the CLI's <c>invoke</c>, tests): no ARN, no deadline.</summary>
    public static InvocationContext None { get; } = new("local", null, null);
}

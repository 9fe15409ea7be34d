namespace MacroVersioning.Lambda;

/// <summary>
/// One event from <c>GET /2018-06-01/runtime/invocation/next</c> with the headers the loop uses.
/// See https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html#runtimes-api-next
/// </summary>
/// <param name="RequestId"><c>Lambda-Runtime-Aws-Request-Id</c>: names the invocation when answering.</param>
/// <param name="DeadlineUnixMs"><c>Lambda-Runtime-Deadline-Ms</c>: when Lambda stops the function; null if absent or unreadable.</param>
/// <param name="FunctionArn"><c>Lambda-Runtime-Invoked-Function-Arn</c>.</param>
/// <param name="TraceId"><c>Lambda-Runtime-Trace-Id</c>: the X-Ray header, exported as <c>_X_AMZN_TRACE_ID</c>.</param>
/// <param name="Body">The event payload: for a macro, the CloudFormation macro request.</param>
internal sealed record RuntimeInvocation(string RequestId, long? DeadlineUnixMs, string? FunctionArn, string? TraceId, string Body);

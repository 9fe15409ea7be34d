namespace MacroVersioning.Core.Pruning;

/// <summary>A Lambda API call failed: the adapter's one exception type, so the pruner can record it and go on.</summary>
/// <param name="status">The HTTP status, or null when no response arrived (network, time-out).</param>
/// <param name="code">Lambda's error type (<c>ResourceConflictException</c>, <c>TooManyRequestsException</c>, …) or a short cause.</param>
internal sealed class LambdaApiException(int? status, string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public int? Status { get; } = status;

    public string Code { get; } = code;

    /// <summary>One line for a log or a kept/failed note: status, code and message.</summary>
    public string Summary => Status is { } s ? $"{s} {Code}: {Message}" : $"{Code}: {Message}";
}

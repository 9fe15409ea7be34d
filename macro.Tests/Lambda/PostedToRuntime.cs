namespace MacroVersioning.Tests.Lambda;

/// <summary>One post the runtime loop made to the stand-in runtime API.</summary>
internal sealed record PostedToRuntime(PostKind Kind, string? RequestId, string Body, string? ErrorType);

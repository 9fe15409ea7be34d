namespace MacroVersioning.Code;

/// <summary>A body-level read failure (truncated, changed, stalled) whose message is already final.</summary>
internal sealed class ObjectReadException(string message) : Exception(message);

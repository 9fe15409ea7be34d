namespace MacroVersioning.Core.Pruning;

/// <param name="FunctionArn">The function the mapping invokes; qualified with a version or alias when it names one.</param>
internal sealed record EventSourceMappingInfo(string Uuid, string FunctionArn);

using System.Text.Json.Serialization;

namespace MacroVersioning.Cli;

/// <summary>Source-generated (AOT-clean) reading of a JSON string.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class StackTemplateJson : JsonSerializerContext;

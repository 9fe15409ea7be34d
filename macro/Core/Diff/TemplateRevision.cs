using System.Text.Json.Nodes;

namespace MacroVersioning.Core.Diff;

/// <summary>One side of a diff: a template as written and what the transform made of it.</summary>
/// <param name="Template">The template as read (Globals and raw properties name where a change came from).</param>
/// <param name="ParameterValues">Parameter values with defaults applied (compared, never shown).</param>
/// <param name="Functions">The transform's reports, with their hash material.</param>
/// <param name="Processed">
/// True for a template CloudFormation already transformed (get-template's default stage): its version
/// ids are known, the inputs behind them are not.
/// </param>
public sealed record TemplateRevision(JsonObject Template, JsonObject ParameterValues, IReadOnlyList<FunctionReport> Functions, bool Processed = false);

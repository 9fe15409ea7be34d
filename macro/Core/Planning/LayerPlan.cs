using System.Text.Json.Nodes;
using MacroVersioning.Core.CodeIdentity;

namespace MacroVersioning.Core.Planning;

/// <summary>
/// A layer built in the same template: its content and properties enter the function's hash, since
/// SAM and CDK miss layer changes when only the function is hashed.
/// </summary>
internal sealed record LayerPlan(string LayerId, CodeSpec Code, JsonObject Properties);

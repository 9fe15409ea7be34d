using System.Text.Json.Nodes;
using MacroVersioning.Core.CodeIdentity;
using MacroVersioning.Core.Functions;
using MacroVersioning.Core.References;

namespace MacroVersioning.Core.Planning;

/// <summary>What will be hashed for one function, before code objects are digested.</summary>
/// <param name="Config">Version-locked properties, intrinsics resolved, NoEcho values keyed.</param>
/// <param name="Layers">Layers of the same template the function references, by logical id.</param>
/// <param name="References">Other resources of the template its configuration names.</param>
internal sealed record FunctionPlan(
    FunctionCandidate Function, CodeSpec Code, JsonObject Config, IReadOnlyList<LayerPlan> Layers, ReferenceSet References);

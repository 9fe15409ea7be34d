using System.Text.Json.Nodes;

namespace MacroVersioning.Core;

/// <summary>Either a new fragment, or every problem found; never both.</summary>
public sealed record TransformResult(JsonObject? Fragment, IReadOnlyList<Problem> Problems, IReadOnlyList<FunctionReport> Functions)
{
    public bool Succeeded => Fragment is not null;

    public static TransformResult Failure(IReadOnlyList<Problem> problems) => new(null, problems, []);
}

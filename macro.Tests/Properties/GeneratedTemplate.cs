using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;

namespace MacroVersioning.Tests.Properties;

/// <summary>
/// A random but valid SAM/Lambda template and the request around it, from one seed. Kept as text so
/// every run parses a fresh tree, exactly as the Lambda would.
/// </summary>
/// <param name="Secrets">The planted NoEcho parameter values; none may leave the macro.</param>
public sealed record GeneratedTemplate(int Seed, string Text, JsonObject ParameterValues, IReadOnlyList<string> Secrets)
{
    public JsonObject Fragment() => (JsonObject)JsonText.Parse(Text)!;

    public override string ToString() => $"seed {Seed}: {Text}\nparameter values: {JsonText.ToCompact(ParameterValues)}";
}

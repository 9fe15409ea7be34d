using System.Text.Json.Nodes;

namespace MacroVersioning.Core.References;

/// <summary>
/// What a function's hash takes from the resources its configuration names, by logical id: the
/// resource's <c>Type</c> and either its create-only values (<c>CreateOnly</c>: the reference changes
/// only when the resource is replaced) or all its properties but Tags (<c>Properties</c>: an attribute
/// that may change on update, or a type the schemas do not know).
/// </summary>
internal sealed record ReferenceSet(JsonObject Material)
{
    public static ReferenceSet Empty => new([]);

    /// <summary>"Table (replacement), Param (properties)", sorted by id: what each reference contributes.</summary>
    public IEnumerable<string> Describe() =>
        Material.Select(p => p.Key)
            .Order(StringComparer.Ordinal)
            .Select(id => $"{id} ({(Material[id] is JsonObject entry && entry.ContainsKey(ReferenceCollector.PropertiesKey) ? "properties" : "replacement")})");
}

namespace MacroVersioning.Core.References;

/// <summary>A resource of the template named in hashed configuration.</summary>
/// <param name="Attribute">
/// The <c>Fn::GetAtt</c> attribute (<c>Outputs.X</c> for a nested stack's output; <c>Version</c> for
/// SAM's <c>Fn.Version</c>); null for a <c>Ref</c>.
/// </param>
internal readonly record struct Reference(string ResourceId, string? Attribute);

namespace MacroVersioning.Core.References;

/// <summary>
/// What replaces one resource type and what identifies it, from the CloudFormation resource provider
/// schemas (see <see cref="ResourceIdentityTable"/>).
/// </summary>
/// <param name="CreateOnly">
/// Paths of the create-only and conditionally create-only properties, each a list of property names
/// with <c>*</c> for every item of a list: changing one replaces the resource, so its name and ARN change.
/// </param>
/// <param name="Identifiers">
/// Attributes besides <c>Arn</c> and the top-level create-only properties whose value changes only when
/// the resource is replaced (primary and additional identifiers, and the few aliases of an id).
/// </param>
internal sealed record ResourceIdentity(IReadOnlyList<string[]> CreateOnly, IReadOnlySet<string> Identifiers)
{
    /// <summary>Whether <c>!GetAtt R.attribute</c> changes only when R is replaced.</summary>
    public bool Identifies(string attribute) =>
        attribute == "Arn" || Identifiers.Contains(attribute) || CreateOnly.Any(path => path.Length == 1 && path[0] == attribute);
}

using MacroVersioning.Code;
using MacroVersioning.Core.CodeIdentity;

namespace MacroVersioning.Core.Planning;

/// <summary>
/// Asks the code-identity source once, for the distinct objects of every function and layer, so an
/// artifact shared by a hundred functions is read once.
/// </summary>
internal static class CodeDigests
{
    public static async Task<Dictionary<CodeObject, CodeDigest>> ReadAsync(
        IReadOnlyList<FunctionPlan> plans, ICodeIdentitySource source, List<Problem> problems, CancellationToken cancellationToken)
    {
        var specs = plans.SelectMany(p => p.Layers.Select(l => l.Code).Prepend(p.Code)).ToList();
        var objects = specs.Select(s => s.Object).OfType<CodeObject>().Distinct().ToList();
        var digests = objects.Count == 0 ? [] : await source.DigestAsync(objects, cancellationToken).ConfigureAwait(false);
        var byObject = new Dictionary<CodeObject, CodeDigest>(objects.Count);
        for (var i = 0; i < objects.Count; i++)
        {
            byObject[objects[i]] = digests[i];
        }

        foreach (var spec in specs.Where(s => s.Object is not null).DistinctBy(s => s.Path))
        {
            if (byObject[spec.Object!] is { Error: { } error })
            {
                problems.Add(new Problem(spec.Path, error));
            }
        }

        return byObject;
    }

    public static string IdentityOf(CodeSpec spec, IReadOnlyDictionary<CodeObject, CodeDigest> digests) =>
        spec.Identity ?? digests[spec.Object!].Identity!;

    public static string? ExactSha256(CodeSpec spec, IReadOnlyDictionary<CodeObject, CodeDigest> digests) =>
        spec.Object is null ? null : digests[spec.Object].CodeSha256;
}

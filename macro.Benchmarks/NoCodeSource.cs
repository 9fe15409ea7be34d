using MacroVersioning.Code;

namespace MacroVersioning.Benchmarks;

/// <summary>Location identity never reads code; a call here means the benchmark measures the wrong thing.</summary>
internal sealed class NoCodeSource : ICodeIdentitySource
{
    public Task<IReadOnlyList<CodeDigest>> DigestAsync(IReadOnlyList<CodeObject> objects, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("the benchmark templates use CodeIdentity: location; nothing should read code");
}

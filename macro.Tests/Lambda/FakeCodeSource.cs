using MacroVersioning.Code;

namespace MacroVersioning.Tests.Lambda;

/// <summary>A code source for handler tests: records that it was asked, reads nothing.</summary>
internal sealed class FakeCodeSource : ICodeIdentitySource
{
    public int Calls { get; private set; }

    public Task<IReadOnlyList<CodeDigest>> DigestAsync(IReadOnlyList<CodeObject> objects, CancellationToken cancellationToken)
    {
        Calls++;
        return Task.FromResult<IReadOnlyList<CodeDigest>>([.. objects.Select(o => CodeDigest.Failed($"{o}: the fake code source reads nothing"))]);
    }
}

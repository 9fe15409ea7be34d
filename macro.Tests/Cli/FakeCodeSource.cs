using MacroVersioning.Code;

namespace MacroVersioning.Tests.Cli;

/// <summary>An in-memory code source: every object gets a digest derived from its name, and calls are recorded.</summary>
internal sealed class FakeCodeSource : ICodeIdentitySource
{
    public List<IReadOnlyList<CodeObject>> Calls { get; } = [];

    public Task<IReadOnlyList<CodeDigest>> DigestAsync(IReadOnlyList<CodeObject> objects, CancellationToken cancellationToken)
    {
        Calls.Add(objects);
        return Task.FromResult<IReadOnlyList<CodeDigest>>(
            [.. objects.Select(o => o.ToString()!.Contains("missing", StringComparison.Ordinal) ? CodeDigest.Failed($"{o} is missing") : new CodeDigest($"fake:{o}", null, null))]);
    }
}

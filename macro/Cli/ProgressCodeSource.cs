using MacroVersioning.Code;

namespace MacroVersioning.Cli;

/// <summary>Says on stderr when code is being read (S3 objects can take a while) and how it went.</summary>
internal sealed class ProgressCodeSource(ICodeIdentitySource inner, TextWriter progress) : ICodeIdentitySource
{
    public async Task<IReadOnlyList<CodeDigest>> DigestAsync(IReadOnlyList<CodeObject> objects, CancellationToken cancellationToken)
    {
        if (objects.Count == 0)
        {
            return [];
        }

        var s3 = objects.Count(o => o is S3CodeObject);
        var local = objects.Count - s3;
        var parts = new[] { (s3, "from S3"), (local, "local") }.Where(p => p.Item1 > 0).Select(p => $"{p.Item1} {p.Item2}");
        progress.WriteLine($"reading {Plural(objects.Count, "code object")} ({string.Join(", ", parts)})...");
        var digests = await inner.DigestAsync(objects, cancellationToken).ConfigureAwait(false);
        var failed = digests.Count(d => d.Error is not null);
        if (failed > 0)
        {
            progress.WriteLine($"{Plural(failed, "code object")} could not be read");
        }

        return digests;
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}

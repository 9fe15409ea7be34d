namespace MacroVersioning.Code;

/// <summary>
/// Builds the real source on the first request that has objects to read. Creating the S3 client
/// loads and configures the AWS SDK, which took most of a cold start; a template with location
/// identity, or only local code, never needs it.
/// </summary>
public sealed class LazyCodeIdentitySource(Func<ICodeIdentitySource> create) : ICodeIdentitySource
{
    private readonly Lazy<ICodeIdentitySource> source = new(create);

    public Task<IReadOnlyList<CodeDigest>> DigestAsync(IReadOnlyList<CodeObject> objects, CancellationToken cancellationToken) =>
        objects.Count == 0 ? Task.FromResult<IReadOnlyList<CodeDigest>>([]) : source.Value.DigestAsync(objects, cancellationToken);
}

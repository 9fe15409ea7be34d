namespace MacroVersioning.Code;

/// <summary>Placeholder until S3 content hashing lands: every S3 object fails with a clear message.</summary>
internal sealed class UnavailableS3Source(string region, Uri? endpoint) : ICodeIdentitySource
{
    public Task<IReadOnlyList<CodeDigest>> DigestAsync(IReadOnlyList<CodeObject> objects, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CodeDigest>>(
            [.. objects.Select(o => CodeDigest.Failed($"{o}: reading S3 content is not available in this build ({region}, {endpoint?.ToString() ?? "aws"}); use CodeIdentity: location"))]);
}

namespace MacroVersioning.Code;

/// <summary>
/// Builds the code-identity source for one request. The single place the Lambda and the CLI
/// choose implementations, so both read code the same way.
/// </summary>
public static class CodeSourceFactory
{
    /// <param name="region">The request's region: Lambda requires code buckets there.</param>
    /// <param name="s3Endpoint">An S3-compatible endpoint (path-style), e.g. a local s3rver; null for AWS.</param>
    public static ICodeIdentitySource Create(string region, Uri? s3Endpoint) =>
        new CodeIdentityRouter(new LazyCodeIdentitySource(() => S3ContentSource.Create(region, s3Endpoint)), new LocalCodeDigester());
}

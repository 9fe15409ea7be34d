namespace MacroVersioning.Tests.S3;

/// <summary>One s3rver for every test class in the <see cref="S3rverCollection"/>.</summary>
public sealed class S3rverFixture : IAsyncLifetime
{
    public const string Bucket = "code";

    /// <summary>A bucket that keeps every upload as a version (s3rver-host.js emulates versioning).</summary>
    public const string VersionedBucket = "versioned-code";

    private S3rverServer? server;

    internal S3rverServer Server => server ?? throw new InvalidOperationException("s3rver not started");

    public async Task InitializeAsync() => server = await S3rverServer.StartAsync([Bucket], CancellationToken.None, [VersionedBucket]);

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}

namespace MacroVersioning.Tests.S3;

/// <summary>Test classes sharing one s3rver; xunit runs them one after another, so request logs stay theirs.</summary>
[CollectionDefinition(Name)]
public sealed class S3rverCollection : ICollectionFixture<S3rverFixture>
{
    public const string Name = "s3rver";
}

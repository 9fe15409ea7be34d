namespace MacroVersioning.Core;

/// <summary>What stands for an S3 code object in the hash.</summary>
public enum CodeIdentityMode
{
    /// <summary>The SHA-256 of the object's bytes: Lambda's CodeSha256. Needs an S3 read.</summary>
    Content,

    /// <summary>Bucket, key and version only: no S3 call, but new bytes under the same key go unseen.</summary>
    Location,
}

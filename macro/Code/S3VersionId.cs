namespace MacroVersioning.Code;

/// <summary>
/// Which <c>x-amz-version-id</c> values name immutable bytes. A versioned bucket gives every upload
/// its own id; an unversioned bucket sends none; a versioning-suspended bucket stores uploads as the
/// version <c>null</c>, which the next upload overwrites, so pinning it would pin nothing. See
/// https://docs.aws.amazon.com/AmazonS3/latest/userguide/AddingObjectstoVersionSuspendedBuckets.html.
/// </summary>
internal static class S3VersionId
{
    public static string? Pinnable(string? versionId) =>
        versionId is { Length: > 0 } && versionId != "null" ? versionId : null;
}

namespace MacroVersioning.Code;

/// <summary>An S3 code object in the request's region (Lambda requires the bucket there).</summary>
public sealed record S3CodeObject(string Bucket, string Key, string? Version) : CodeObject
{
    public override string ToString() =>
        Version is null ? $"s3://{Bucket}/{Key}" : $"s3://{Bucket}/{Key}?versionId={Version}";
}

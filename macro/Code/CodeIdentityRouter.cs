namespace MacroVersioning.Code;

/// <summary>Sends S3 objects to the S3 source and local paths to the local digester, keeping order.</summary>
public sealed class CodeIdentityRouter(ICodeIdentitySource s3, ICodeIdentitySource local) : ICodeIdentitySource
{
    public async Task<IReadOnlyList<CodeDigest>> DigestAsync(IReadOnlyList<CodeObject> objects, CancellationToken cancellationToken)
    {
        var s3Indexes = new List<int>();
        var localIndexes = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            (objects[i] is S3CodeObject ? s3Indexes : localIndexes).Add(i);
        }

        var s3Task = s3.DigestAsync([.. s3Indexes.Select(i => objects[i])], cancellationToken);
        var localTask = local.DigestAsync([.. localIndexes.Select(i => objects[i])], cancellationToken);
        var s3Digests = await s3Task.ConfigureAwait(false);
        var localDigests = await localTask.ConfigureAwait(false);

        var result = new CodeDigest[objects.Count];
        for (var i = 0; i < s3Indexes.Count; i++)
        {
            result[s3Indexes[i]] = s3Digests[i];
        }

        for (var i = 0; i < localIndexes.Count; i++)
        {
            result[localIndexes[i]] = localDigests[i];
        }

        return result;
    }
}

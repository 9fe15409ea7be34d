using System.Security.Cryptography;
using System.Text;
using MacroVersioning.Code;

namespace MacroVersioning.Tests.BadInput;

/// <summary>Code for the corpus: every S3 object exists (its digest is its URI's) except keys under <c>missing/</c>.</summary>
internal sealed class CorpusCodeSource : ICodeIdentitySource
{
    public Task<IReadOnlyList<CodeDigest>> DigestAsync(IReadOnlyList<CodeObject> objects, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CodeDigest>>([.. objects.Select(Digest)]);

    private static CodeDigest Digest(CodeObject codeObject) => codeObject switch
    {
        S3CodeObject s3 when s3.Key.Contains("missing/", StringComparison.Ordinal) => CodeDigest.Failed($"{s3}: no such object (NoSuchKey); upload it or fix the key"),
        _ => CodeDigest.Exact(Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(codeObject.ToString()!)))),
    };
}

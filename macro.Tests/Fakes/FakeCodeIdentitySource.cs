using System.Security.Cryptography;
using System.Text;
using MacroVersioning.Code;

namespace MacroVersioning.Tests.Fakes;

/// <summary>
/// In-memory S3: objects are strings whose SHA-256 is the digest, or errors; local paths go to the
/// real <see cref="LocalCodeDigester"/>. Records every call so tests can count reads. An object put
/// with a version sits in a versioned bucket: read without a version, it answers its latest version's
/// bytes and id, as the S3 source does.
/// </summary>
public sealed class FakeCodeIdentitySource : ICodeIdentitySource
{
    private readonly Dictionary<string, string> contents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> errors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> latestVersions = new(StringComparer.Ordinal);
    private readonly LocalCodeDigester local = new();

    public List<IReadOnlyList<CodeObject>> Calls { get; } = [];

    /// <summary>When true, an object nobody put is read as its own URI text (handy for generated templates).</summary>
    public bool ServeAnyObject { get; init; } = true;

    public FakeCodeIdentitySource Put(string uri, string content)
    {
        contents[uri] = content;
        return this;
    }

    /// <summary>Uploads <paramref name="content"/> to <paramref name="uri"/> (no version in it) as its new latest version.</summary>
    public FakeCodeIdentitySource PutVersion(string uri, string versionId, string content)
    {
        contents[$"{uri}?versionId={versionId}"] = content;
        latestVersions[uri] = versionId;
        return this;
    }

    public FakeCodeIdentitySource Fail(string uri, string error)
    {
        errors[uri] = error;
        return this;
    }

    public static string Sha256Base64(string content) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    public async Task<IReadOnlyList<CodeDigest>> DigestAsync(IReadOnlyList<CodeObject> objects, CancellationToken cancellationToken)
    {
        Calls.Add(objects);
        var result = new List<CodeDigest>();
        foreach (var codeObject in objects)
        {
            var uri = codeObject.ToString()!;
            result.Add(codeObject switch
            {
                LocalCodeObject => (await local.DigestAsync([codeObject], cancellationToken))[0],
                _ when errors.TryGetValue(uri, out var error) => CodeDigest.Failed(error),
                _ when latestVersions.TryGetValue(uri, out var latest) =>
                    CodeDigest.Exact(Sha256Base64(contents[$"{uri}?versionId={latest}"])) with { ObjectVersion = latest },
                _ when contents.TryGetValue(uri, out var content) => CodeDigest.Exact(Sha256Base64(content)),
                _ when ServeAnyObject => CodeDigest.Exact(Sha256Base64(uri)),
                _ => CodeDigest.Failed($"{uri}: no such key"),
            });
        }

        return result;
    }
}

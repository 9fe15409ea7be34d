using System.Security.Cryptography;
using System.Text;

namespace MacroVersioning.Code;

/// <summary>
/// Digests local code for previews of unpackaged templates. A zip file hashes exactly as Lambda's
/// CodeSha256 would; a directory hashes its sorted relative paths, whether each file is executable,
/// and the bytes, so the result does not depend on file-system order or timestamps (a zip built from
/// it would not be byte-stable). The executable bit counts because the packaged zip records each
/// file's Unix mode and Lambda runs what it unpacks with it: a <c>bootstrap</c> that lost <c>+x</c>
/// is a different (and broken) deployment. Other mode bits are left out, as they follow the umask.
/// </summary>
public sealed class LocalCodeDigester : ICodeIdentitySource
{
    public Task<IReadOnlyList<CodeDigest>> DigestAsync(IReadOnlyList<CodeObject> objects, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CodeDigest>>([.. objects.Select(o => Digest((LocalCodeObject)o, cancellationToken))]);

    private static CodeDigest Digest(LocalCodeObject local, CancellationToken cancellationToken)
    {
        try
        {
            if (File.Exists(local.Path))
            {
                using var file = File.OpenRead(local.Path);
                var sha = Convert.ToBase64String(SHA256.HashData(file));
                return local.Path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) || local.Path.EndsWith(".jar", StringComparison.OrdinalIgnoreCase)
                    ? CodeDigest.Exact(sha)
                    : new CodeDigest($"file-sha256:{sha}", null, null);
            }

            if (Directory.Exists(local.Path))
            {
                return new CodeDigest($"dir-sha256:{DigestDirectory(local.Path, cancellationToken)}", null, null);
            }

            return CodeDigest.Failed($"local code path {local.Path} does not exist");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CodeDigest.Failed($"local code path {local.Path} could not be read: {e.Message}");
        }
    }

    private static string DigestDirectory(string root, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => (Relative: Path.GetRelativePath(root, f).Replace('\\', '/'), Full: f))
            .OrderBy(f => f.Relative, StringComparer.Ordinal);
        var buffer = new byte[81920];
        foreach (var (relative, full) in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = Encoding.UTF8.GetBytes(relative);
            hash.AppendData(BitConverter.GetBytes((long)name.Length));
            hash.AppendData(name);
            hash.AppendData([IsExecutable(full) ? (byte)1 : (byte)0]);
            using var file = File.OpenRead(full);
            hash.AppendData(BitConverter.GetBytes(file.Length));
            int read;
            while ((read = file.Read(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }

        return Convert.ToBase64String(hash.GetHashAndReset());
    }

    /// <summary>Any execute bit; Windows has none to read, so every file there counts as not executable.</summary>
    private static bool IsExecutable(string path) =>
        !OperatingSystem.IsWindows()
        && (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}

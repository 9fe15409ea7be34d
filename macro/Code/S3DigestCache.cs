using System.Collections.Concurrent;

namespace MacroVersioning.Code;

/// <summary>
/// Digests of S3 objects already read by this process, so a warm Lambda answers the next
/// deployment of unchanged artifacts with one HEAD each instead of a full read. An entry is only
/// found again while the object's ETag and size are unchanged: a rewrite under the same key changes
/// its ETag, so stale digests are never served.
/// </summary>
internal sealed class S3DigestCache(int capacity = 4096)
{
    private readonly ConcurrentDictionary<Entry, string> entries = new();

    /// <summary>The process-wide cache the Lambda and the CLI share across requests.</summary>
    public static S3DigestCache Shared { get; } = new();

    public bool TryGet(Entry entry, out string sha256Base64) =>
        entries.TryGetValue(entry, out sha256Base64!);

    public void Add(Entry entry, string sha256Base64)
    {
        // Artifacts are few and small entries; clearing when full keeps the bound without an LRU.
        if (entries.Count >= capacity)
        {
            entries.Clear();
        }

        entries[entry] = sha256Base64;
    }

    /// <param name="Endpoint">Region or custom endpoint: the same bucket name elsewhere is another object.</param>
    public sealed record Entry(string Endpoint, string Bucket, string Key, string? Version, string ETag, long Length);
}

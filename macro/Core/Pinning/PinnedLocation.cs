using System.Text.Json.Nodes;
using MacroVersioning.Core.CodeIdentity;
using MacroVersioning.Core.Json;

namespace MacroVersioning.Core.Pinning;

/// <summary>
/// Writes an S3 object version into a code location as the template wrote it: SAM's <c>CodeUri</c> /
/// <c>ContentUri</c> (<c>{Bucket, Key, Version}</c>) and Lambda's <c>Code</c> / <c>Content</c>
/// (<c>{S3Bucket, S3Key, S3ObjectVersion}</c>). Bucket and key stay exactly as written (a
/// <c>!Ref</c> stays a <c>!Ref</c>); only the version is added beside them.
/// </summary>
internal static class PinnedLocation
{
    /// <summary>The pinned location, or why this location cannot carry a version.</summary>
    public sealed record Outcome(JsonNode? Pinned, string? WhyNot);

    /// <param name="written">The location as written (after Globals), never modified.</param>
    /// <param name="property">CodeUri, ContentUri, Code or Content.</param>
    public static Outcome Apply(JsonNode? written, string property, string version)
    {
        var sam = property is "CodeUri" or "ContentUri";
        var versionKey = sam ? "Version" : "S3ObjectVersion";
        if (Intrinsic.TryGet(written, out var name, out _))
        {
            return new Outcome(null, $"{property} is written as one {name}, which has no place for a version");
        }

        if (written is JsonObject map)
        {
            if (map.ContainsKey(versionKey))
            {
                return new Outcome(null, $"{property}.{versionKey} is written but names no version here");
            }

            var pinned = (JsonObject)map.DeepClone();
            pinned[versionKey] = version;
            return new Outcome(pinned, null);
        }

        // A literal s3:// string becomes the object form rather than gaining ?versionId=: SAM
        // 1.110.0 reads that query with parse_qs, which would turn a '+' of an S3 version id into a
        // space unless it were escaped (samtranslator/model/s3_utils/uri_parser.py).
        if (sam && written is JsonValue && S3LocationParser.Parse(written) is { Version: null } s3)
        {
            return new Outcome(new JsonObject { ["Bucket"] = s3.Bucket, ["Key"] = s3.Key, [versionKey] = version }, null);
        }

        return new Outcome(null, $"{property} is not a map or an s3:// string, so it has no place for a version");
    }
}

using System.Text.Json.Nodes;
using MacroVersioning.Code;
using MacroVersioning.Core.Json;

namespace MacroVersioning.Core.CodeIdentity;

/// <summary>
/// Reads the S3 location forms SAM and CloudFormation accept: <c>s3://bucket/key[?versionId=v]</c>,
/// SAM's <c>{Bucket, Key, Version}</c> and Lambda's <c>{S3Bucket, S3Key, S3ObjectVersion}</c>.
/// </summary>
internal static class S3LocationParser
{
    public static bool IsS3Uri(string text) => text.StartsWith("s3://", StringComparison.Ordinal);

    public static S3CodeObject? Parse(JsonNode? resolved)
    {
        if (JsonText.ScalarText(resolved) is { } uri)
        {
            return ParseUri(uri);
        }

        if (resolved is JsonObject obj && !Intrinsic.Is(obj))
        {
            var bucket = JsonText.ScalarText(obj["Bucket"] ?? obj["S3Bucket"]);
            var key = JsonText.ScalarText(obj["Key"] ?? obj["S3Key"]);
            var version = obj["Version"] ?? obj["S3ObjectVersion"];
            var versionText = JsonText.ScalarText(version);
            if (bucket is { Length: > 0 } && key is { Length: > 0 } && (version is null || versionText is not null))
            {
                return new S3CodeObject(bucket, key, versionText);
            }
        }

        return null;
    }

    private static S3CodeObject? ParseUri(string uri)
    {
        if (!IsS3Uri(uri))
        {
            return null;
        }

        var rest = uri["s3://".Length..];
        string? version = null;
        var query = rest.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            const string versionParameter = "versionId=";
            var parameters = rest[(query + 1)..].Split('&');
            version = parameters.FirstOrDefault(p => p.StartsWith(versionParameter, StringComparison.Ordinal))?[versionParameter.Length..];
            rest = rest[..query];
        }

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < rest.Length - 1
            ? new S3CodeObject(rest[..slash], rest[(slash + 1)..], version is { Length: > 0 } ? version : null)
            : null;
    }
}

using System.Security.Cryptography;
using System.Text;

namespace MacroVersioning.Aws;

/// <summary>
/// The part of Signature Version 4 that AWSSDK.Core has no public helper for without its own
/// <c>IRequest</c>: the canonical request (method, canonical URI, canonical query, canonical headers,
/// signed headers, payload hash). Checked against the AWS SigV4 test-suite vectors.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-canonical-request
/// </summary>
internal static class CanonicalRequest
{
    public static readonly string EmptyPayloadHash = Hex(SHA256.HashData([]));

    /// <param name="path">The path as sent on the wire (already percent-encoded where the client encodes).</param>
    /// <param name="query">The query without <c>?</c>, as sent.</param>
    /// <param name="headers">Every header to sign; repeated names are joined in order.</param>
    /// <returns>The canonical request and its signed-headers list.</returns>
    public static (string Text, string SignedHeaders) Build(
        string method, string path, string query, IEnumerable<KeyValuePair<string, string>> headers, string payloadHash, SigV4Settings settings)
    {
        var grouped = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            var key = name.Trim().ToLowerInvariant();
            if (!grouped.TryGetValue(key, out var values))
            {
                values = [];
                grouped[key] = values;
            }

            values.Add(CollapseSpaces(value));
        }

        var text = new StringBuilder()
            .Append(method.ToUpperInvariant()).Append('\n')
            .Append(Uri(path, settings)).Append('\n')
            .Append(Query(query)).Append('\n');
        foreach (var (name, values) in grouped)
        {
            text.Append(name).Append(':').AppendJoin(',', values).Append('\n');
        }

        var signedHeaders = string.Join(';', grouped.Keys);
        text.Append('\n').Append(signedHeaders).Append('\n').Append(payloadHash);
        return (text.ToString(), signedHeaders);
    }

    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>URI-encodes per SigV4: unreserved characters (A-Z a-z 0-9 - _ . ~) stay, all else is %XX of its UTF-8 bytes.</summary>
    public static string Encode(string value, bool keepSlash)
    {
        var text = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~' || (keepSlash && c == '/'))
            {
                text.Append(c);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    private static string Uri(string path, SigV4Settings settings)
    {
        var canonical = path.Length == 0 ? "/" : path;
        if (settings.NormalizePath)
        {
            canonical = Normalize(canonical);
        }

        return settings.EncodePath ? Encode(canonical, keepSlash: true) : canonical;
    }

    /// <summary>RFC 3986 dot-segment removal, and empty segments dropped; a trailing slash is kept.</summary>
    private static string Normalize(string path)
    {
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            switch (segment)
            {
                case "" or ".":
                    break;
                case "..":
                    if (segments.Count > 0)
                    {
                        segments.RemoveAt(segments.Count - 1);
                    }

                    break;
                default:
                    segments.Add(segment);
                    break;
            }
        }

        var trailing = segments.Count > 0 && path.EndsWith('/');
        return "/" + string.Join('/', segments) + (trailing ? "/" : "");
    }

    /// <summary>Each name and value decoded then encoded once (query values are never double-encoded), sorted by name, then value.</summary>
    private static string Query(string query)
    {
        if (query.Length == 0)
        {
            return "";
        }

        var pairs = new List<(string Name, string Value)>();
        foreach (var part in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? "" : part[(equals + 1)..];
            pairs.Add((Encode(System.Uri.UnescapeDataString(name), keepSlash: false), Encode(System.Uri.UnescapeDataString(value), keepSlash: false)));
        }

        pairs.Sort((a, b) =>
        {
            var byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
        });
        return string.Join('&', pairs.Select(p => $"{p.Name}={p.Value}"));
    }

    /// <summary>Trimmed, and every run of whitespace (folded lines included) becomes one space.</summary>
    private static string CollapseSpaces(string value)
    {
        var text = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value.Trim())
        {
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                text.Append(' ');
                pendingSpace = false;
            }

            text.Append(c);
        }

        return text.ToString();
    }
}

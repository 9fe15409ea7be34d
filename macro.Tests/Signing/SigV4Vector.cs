using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using MacroVersioning.Aws;
using MacroVersioning.Tests.Golden;

namespace MacroVersioning.Tests.Signing;

/// <summary>One case of the AWS SigV4 test suite (see Vectors/NOTICE.md), read in place.</summary>
internal sealed record SigV4Vector(
    string Name, string Method, string Path, string Query, IReadOnlyList<KeyValuePair<string, string>> Headers, string Body, JsonObject Context)
{
    public static string Root => System.IO.Path.Combine(RepoPaths.Root, "macro.Tests", "Signing", "Vectors", "v4");

    public static IEnumerable<string> Names() =>
        Directory.GetDirectories(Root).Select(d => System.IO.Path.GetFileName(d)!).Order(StringComparer.Ordinal);

    public ImmutableCredentials Credentials
    {
        get
        {
            var credentials = Context["credentials"]!.AsObject();
            return new ImmutableCredentials(
                (string)credentials["access_key_id"]!, (string)credentials["secret_access_key"]!, (string?)credentials["token"]);
        }
    }

    public string Region => (string)Context["region"]!;

    public string Service => (string)Context["service"]!;

    public DateTime Timestamp => DateTime.Parse((string)Context["timestamp"]!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public bool Normalize => (bool)Context["normalize"]!;

    public bool SignBody => (bool)Context["sign_body"]!;

    /// <summary>The token is added after signing (not signed) when the case says so.</summary>
    public bool SignToken => Context["omit_session_token"] is not { } omit || !(bool)omit!;

    public SigV4Settings Settings => new(NormalizePath: Normalize, EncodePath: true, PayloadHashHeader: SignBody);

    public string PayloadHash => SignBody ? CanonicalRequest.Hex(SHA256.HashData(Encoding.UTF8.GetBytes(Body))) : CanonicalRequest.EmptyPayloadHash;

    public string Expected(string file) => File.ReadAllText(System.IO.Path.Combine(Root, Name, file));

    /// <summary>The Authorization value from the signed request the suite expects.</summary>
    public string ExpectedAuthorization => Expected("header-signed-request.txt").Split('\n')
        .Single(line => line.StartsWith("Authorization:", StringComparison.Ordinal))["Authorization:".Length..];

    /// <summary>The headers SigV4 adds, as the signer would: date, content hash when the body is signed, token.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> HeadersToSign()
    {
        var headers = new List<KeyValuePair<string, string>>(Headers) { new("X-Amz-Date", Timestamp.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)) };
        if (SignBody)
        {
            headers.Add(new("X-Amz-Content-SHA256", PayloadHash));
        }

        if (Credentials.UseToken && SignToken)
        {
            headers.Add(new("X-Amz-Security-Token", Credentials.Token));
        }

        return headers;
    }

    public static SigV4Vector Load(string name)
    {
        var folder = System.IO.Path.Combine(Root, name);
        var context = JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(folder, "context.json")))!.AsObject();
        var text = File.ReadAllText(System.IO.Path.Combine(folder, "request.txt")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var blank = text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = blank < 0 ? text.TrimEnd('\n') : text[..blank];
        var body = blank < 0 ? "" : text[(blank + 2)..];
        var lines = head.Split('\n');

        // The path may hold a space ("/example space/"): the target runs from the first space to " HTTP/1.1".
        var requestLine = lines[0];
        var method = requestLine[..requestLine.IndexOf(' ', StringComparison.Ordinal)];
        var target = requestLine[(method.Length + 1)..requestLine.LastIndexOf(" HTTP/", StringComparison.Ordinal)];
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? target : target[..question];
        var query = question < 0 ? "" : target[(question + 1)..];

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            if (line.Length > 0 && char.IsWhiteSpace(line[0]))
            {
                // A folded continuation line belongs to the previous header's value.
                var last = headers[^1];
                headers[^1] = new(last.Key, last.Value + "\n" + line);
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(line[..colon], line[(colon + 1)..]));
        }

        return new SigV4Vector(name, method, path, query, headers, body, context);
    }
}

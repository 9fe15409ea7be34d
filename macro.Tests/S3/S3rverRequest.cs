using System.Text.Json.Serialization;

namespace MacroVersioning.Tests.S3;

/// <summary>One request as s3rver received it (logged by s3rver-host.js).</summary>
internal sealed record S3rverRequest(
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("range")] string? Range,
    [property: JsonPropertyName("ifMatch")] string? IfMatch)
{
    public string Path => Url.Split('?')[0];

    public bool IsGet => Method == "GET";
}

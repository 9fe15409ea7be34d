using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;

namespace MacroVersioning.Lambda.Prune;

/// <summary>
/// A CloudFormation custom-resource request, read leniently: every field may be missing or of the wrong type,
/// and the handler still answers whatever it can.
/// See https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requests.html
/// </summary>
/// <param name="RequestType"><c>Create</c>, <c>Update</c> or <c>Delete</c>.</param>
/// <param name="ResponseUrl">The presigned S3 URL that takes the response; null when absent or not an http(s) URL.</param>
/// <param name="PhysicalResourceId">Sent on Update and Delete: the id this handler answered the Create with.</param>
/// <param name="Properties"><c>ResourceProperties</c>: the template's properties, every scalar as a string.</param>
/// <param name="OldProperties"><c>OldResourceProperties</c> (Update only): the properties before this update.</param>
internal sealed record CustomResourceEvent(
    string? RequestType,
    Uri? ResponseUrl,
    string? StackId,
    string? RequestId,
    string? LogicalResourceId,
    string? ResourceType,
    string? PhysicalResourceId,
    JsonObject? Properties,
    JsonObject? OldProperties)
{
    /// <summary>The fields that only a custom-resource request has; a macro request has none of them.</summary>
    public static readonly IReadOnlyList<string> MarkerFields = ["RequestType", "ResponseURL"];

    public static CustomResourceEvent Read(JsonObject body) => new(
        Text(body["RequestType"]),
        Uri.TryCreate(Text(body["ResponseURL"]), UriKind.Absolute, out var url) && url.Scheme is "https" or "http" ? url : null,
        Text(body["StackId"]),
        Text(body["RequestId"]),
        Text(body["LogicalResourceId"]),
        Text(body["ResourceType"]),
        Text(body["PhysicalResourceId"]),
        body["ResourceProperties"] as JsonObject,
        body["OldResourceProperties"] as JsonObject);

    /// <summary>
    /// The same id for every response about this resource: the one CloudFormation sent (Update, Delete), else one
    /// derived from the stack and logical id alone. A different id on an Update would read as a replacement, and
    /// CloudFormation would then send a Delete for the old one
    /// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-responses.html).
    /// </summary>
    public string StablePhysicalResourceId()
    {
        if (!string.IsNullOrEmpty(PhysicalResourceId))
        {
            return PhysicalResourceId;
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{StackId}|{LogicalResourceId}"));
        var name = string.IsNullOrEmpty(LogicalResourceId) || LogicalResourceId.Length > 255 ? "VersioningMacroPrune" : LogicalResourceId;
        return $"{name}-{Convert.ToHexStringLower(digest.AsSpan(0, 8))}";
    }

    /// <summary>The stack's Region, from <c>arn:PARTITION:cloudformation:REGION:ACCOUNT:stack/...</c>.</summary>
    public string? StackRegion() =>
        StackId?.Split(':') is { Length: >= 6 } parts && parts[0] == "arn" && parts[2] == "cloudformation" && parts[3].Length > 0 ? parts[3] : null;

    private static string? Text(JsonNode? node) => node is JsonValue ? JsonText.ScalarText(node) : null;
}

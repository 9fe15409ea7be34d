using System.Text.Json;
using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;
using MacroVersioning.Core.Planning;

namespace MacroVersioning.Core.Emit;

/// <summary>
/// An image named by tag (<c>repo:latest</c>) rather than digest (<c>repo@sha256:...</c>) is hashed as the
/// text it is, while Lambda resolves it to one image when it sets the function's code (GetFunction reports
/// that as <c>ResolvedImageUri</c>, https://docs.aws.amazon.com/lambda/latest/api/API_FunctionCodeLocation.html).
/// A tag moved to a new image changes neither the template nor the version id, and the version holds
/// whatever the tag pointed at when the function was last updated. Not an error (a tag per build is a common, sound practice), so a warning.
/// </summary>
internal static class ImageTagWarning
{
    private const string IdentityPrefix = "image:";

    /// <returns>The warning for the function's image, or null when it is pinned by digest or not a literal URI.</returns>
    public static string? For(FunctionPlan plan)
    {
        if (plan.Code.Identity is not { } identity || !identity.StartsWith(IdentityPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        // The identity holds the URI as resolved for the hash; a NoEcho part is keyed there, and an intrinsic
        // left as written cannot be judged, so only a plain string is.
        var uri = JsonText.Parse(identity[IdentityPrefix.Length..]);
        return uri is JsonValue value && value.GetValueKind() == JsonValueKind.String && !value.GetValue<string>().Contains("@sha256:", StringComparison.Ordinal)
            ? $"{plan.Code.Path} names the image by tag, not digest: the version gets whatever image the tag points at when the function is updated, and a tag moved to a new image changes neither the template nor the version id; pin it as repository@sha256:<digest> for a version per image"
            : null;
    }
}

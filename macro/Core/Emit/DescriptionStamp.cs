using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;

namespace MacroVersioning.Core.Emit;

/// <summary>
/// Appends the hash to the function's own Description, the trick SAM, CDK and Serverless each reached
/// for: every id change is then a change Lambda sees, so "A version for this Lambda function exists"
/// cannot happen. Lambda limits Description to 256 characters.
/// </summary>
internal static class DescriptionStamp
{
    public const int MaxLength = 256;

    public static string Text(string hash) => $"[VersioningMacro {hash}]";

    /// <returns>The stamped Description, or null with a problem when it cannot fit.</returns>
    public static JsonNode? Apply(JsonNode? description, string hash, string path, List<Problem> problems)
    {
        var stamp = Text(hash);
        if (description is null)
        {
            return JsonValue.Create(stamp);
        }

        if (JsonText.ScalarText(description) is { } text)
        {
            var stamped = text.Length == 0 ? stamp : $"{text} {stamp}";
            if (stamped.Length > MaxLength)
            {
                problems.Add(new Problem(path, $"is {text.Length} characters; with the version stamp ({stamp.Length + 1} characters) it would pass Lambda's {MaxLength}; shorten it or set StampDescription: false"));
                return null;
            }

            return JsonValue.Create(stamped);
        }

        return Intrinsic.Make("Fn::Join", new JsonArray("", new JsonArray(description.DeepClone(), " " + stamp)));
    }
}

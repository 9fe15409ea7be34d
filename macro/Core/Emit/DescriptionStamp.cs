using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;
using MacroVersioning.Core.Resolution;

namespace MacroVersioning.Core.Emit;

/// <summary>
/// Appends the hash to the function's own Description, the trick SAM, CDK and Serverless each reached
/// for: every id change is then a change Lambda sees, so "A version for this Lambda function exists"
/// cannot happen. Lambda limits Description to 256 characters
/// (https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html#lambda-CreateFunction-request-Description).
/// </summary>
internal static class DescriptionStamp
{
    public const int MaxLength = 256;

    public static string Text(string hash) => $"[VersioningMacro {hash}]";

    /// <summary>
    /// An intrinsic Description stays as written in the output (its parameter values must not be
    /// copied there), but it is measured by its value when that is known at macro time: Lambda would
    /// otherwise reject the stamped text only at deploy time.
    /// </summary>
    /// <returns>The stamped Description, or null with a problem when it cannot fit.</returns>
    public static JsonNode? Apply(JsonNode? description, string hash, string path, IntrinsicResolver resolver, List<Problem> problems)
    {
        var stamp = Text(hash);
        if (description is null)
        {
            return JsonValue.Create(stamp);
        }

        var plain = JsonText.ScalarText(description);
        var text = plain ?? JsonText.ScalarText(resolver.ResolveRevealing(description));
        if (text is not null)
        {
            var stamped = text.Length == 0 ? stamp : $"{text} {stamp}";
            if (stamped.Length > MaxLength)
            {
                // The length only: a value resolved from a NoEcho parameter must not appear here.
                problems.Add(new Problem(path, $"is {text.Length} characters; with the version stamp ({stamp.Length + 1} characters) it would pass Lambda's {MaxLength}; shorten it or set StampDescription: false"));
                return null;
            }

            if (plain is not null)
            {
                return JsonValue.Create(stamped);
            }
        }

        return Intrinsic.Make("Fn::Join", new JsonArray("", new JsonArray(description.DeepClone(), " " + stamp)));
    }
}

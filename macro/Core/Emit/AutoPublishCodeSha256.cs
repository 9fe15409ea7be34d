using System.Text.Json.Nodes;
using MacroVersioning.Core.Functions;
using MacroVersioning.Core.Hashing;
using MacroVersioning.Core.Json;
using MacroVersioning.Core.Resolution;

namespace MacroVersioning.Core.Emit;

/// <summary>
/// Steers SAM's own version of an <c>AutoPublishAlias</c> function with our hash instead of adding a
/// version next to it (two versions of one function collide). SAM translator 1.110.0
/// (<c>SamFunction.to_cloudformation</c> and <c>_construct_version</c>, <c>LogicalIdGenerator.get_hash</c>)
/// names the version <c>&lt;FunctionId&gt;Version</c> + the first 10 characters of
/// <c>AutoPublishCodeSha256</c> when it is set, in place of its hash of the code location, Environment,
/// MemorySize and SnapStart (or of every property with <c>AutoPublishAliasAllProperties</c>), and appends
/// the value to the function's Description. So with our 10-character hash as the value, SAM publishes a new
/// version and moves the alias exactly when our hash changes, and every such change is a Description change
/// Lambda sees: "A version for this Lambda function exists" cannot happen.
/// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html#sam-function-autopublishcodesha256
/// </summary>
internal static class AutoPublishCodeSha256
{
    public const string Name = "AutoPublishCodeSha256";

    /// <summary>
    /// What else moves SAM's version for these functions: a user's own value (combined, so it still forces a
    /// version, while our hash adds what it misses) and <c>VersionDescription</c>, which SAM puts on its version
    /// resource (changed in place on the same id, it would replace the version, and the replacement fails with
    /// "version exists"; folded in, it publishes a new version whose function Description changed too).
    /// </summary>
    private static readonly string[] Folded = [Name, "VersionDescription"];

    /// <returns>SAM's version id for the function, or null with a problem.</returns>
    public static string? Apply(FunctionCandidate function, string hash, IntrinsicResolver resolver, List<Problem> problems)
    {
        var path = function.PropertiesPath;
        var extra = new JsonObject();
        foreach (var name in Folded)
        {
            if (function.Properties[name] is { } given)
            {
                extra[name] = resolver.ResolveForHash(given, $"{path}.{name}", problems);
            }
        }

        if (extra[Name] is { } own && JsonText.ScalarText(own) is null)
        {
            problems.Add(new Problem($"{path}.{Name}", "must be a string or a Ref to a template parameter (SAM requires a string)"));
            return null;
        }

        var value = extra.Count == 0 ? hash : VersionHash.Compute(new JsonObject { ["Hash"] = hash, ["Folded"] = extra });
        var versionId = $"{function.Id}Version{value}";
        if (!LogicalId.IsValid(versionId))
        {
            problems.Add(new Problem($"Resources.{function.Id}", $"SAM's version id {versionId} would not be a valid logical id ({LogicalId.Rule}); rename the function"));
            return null;
        }

        if (!DescriptionFits(function, value, resolver, problems))
        {
            return null;
        }

        if (function.Resource["Properties"] is not JsonObject properties)
        {
            properties = [];
            function.Resource["Properties"] = properties;
        }

        properties[Name] = value;
        return versionId;
    }

    /// <summary>
    /// SAM resolves the Description's parameter references and appends the value, so the result must fit
    /// Lambda's 256 characters, and a NoEcho value in it would be written into the processed template.
    /// </summary>
    private static bool DescriptionFits(FunctionCandidate function, string value, IntrinsicResolver resolver, List<Problem> problems)
    {
        if (function.Properties["Description"] is not { } description)
        {
            return true;
        }

        var path = $"{function.PropertiesPath}.Description";
        var revealed = resolver.ResolveRevealing(description);
        var scratch = new List<Problem>();
        if (!JsonNode.DeepEquals(revealed, resolver.ResolveForHash(description, path, scratch)) || scratch.Count > 0)
        {
            problems.Add(new Problem(path, "uses a NoEcho parameter: with AutoPublishAlias, SAM writes the Description's parameter values into the processed template "
                + $"when {Name} is set; keep NoEcho values out of the Description, or set AutoPublishAlias: leave in Metadata.VersioningMacro"));
            return false;
        }

        if (JsonText.ScalarText(revealed) is { } text && text.Length + 1 + value.Length > DescriptionStamp.MaxLength)
        {
            problems.Add(new Problem(path, $"is {text.Length} characters; SAM appends \" {value}\" ({Name}) and the result would pass Lambda's {DescriptionStamp.MaxLength}; shorten it"));
            return false;
        }

        return true;
    }
}

using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;
using MacroVersioning.Core.Settings;

namespace MacroVersioning.Core.Functions;

/// <summary>
/// Finds the functions to version. Skips opted-out functions, and those with an <c>AutoPublishAlias</c>
/// name (directly or through Globals) when the <c>AutoPublishAlias: leave</c> setting keeps them SAM's;
/// otherwise such a function is a candidate marked with its alias (SAM publishes its versions, steered
/// by our hash). A report's reason says why, without a "skipped" prefix: the CLI summary adds that.
/// </summary>
internal static class FunctionLocator
{
    public static List<FunctionCandidate> Find(
        JsonObject resources, JsonObject? globals, MacroSettings macroSettings, List<Problem> problems, List<FunctionReport> reports)
    {
        var candidates = new List<FunctionCandidate>();
        foreach (var (id, node) in resources)
        {
            if (node is not JsonObject resource || JsonText.ScalarText(resource["Type"]) is not { } type || !PropertyClassifier.IsFunctionType(type))
            {
                continue;
            }

            var settings = SettingsReader.Read(
                (resource["Metadata"] as JsonObject)?["VersioningMacro"], $"Resources.{id}.Metadata.VersioningMacro", macroSettings, problems);
            if (!settings.Enabled)
            {
                reports.Add(new FunctionReport(id, null, "opted out (VersioningMacro Enabled: false)"));
                continue;
            }

            JsonObject local;
            switch (resource["Properties"])
            {
                case JsonObject properties:
                    local = properties;
                    break;
                case null when type == PropertyClassifier.Serverless:
                    local = [];
                    break;
                default:
                    problems.Add(new Problem($"Resources.{id}.Properties", $"must be a map of {type} properties"));
                    continue;
            }

            var merged = type == PropertyClassifier.Serverless
                ? GlobalsMerger.Merge(globals, local, resource["IgnoreGlobals"])
                : (JsonObject)local.DeepClone();
            JsonNode? alias = null;
            // Only SAM has AutoPublishAlias; on an AWS::Lambda::Function it is an unknown property (a problem below).
            if (type == PropertyClassifier.Serverless && AutoPublishAlias.IsSet(merged, local, $"Resources.{id}.Properties", problems))
            {
                if (settings.AutoPublishAlias == MacroSettings.AutoPublishAliasLeave)
                {
                    reports.Add(new FunctionReport(id, null, "has AutoPublishAlias, left to SAM (VersioningMacro AutoPublishAlias: leave)"));
                    continue;
                }

                alias = merged[AutoPublishAlias.Name];
            }

            candidates.Add(new FunctionCandidate(id, type, resource, merged, settings) { AutoPublishAlias = alias });
        }

        return candidates;
    }
}

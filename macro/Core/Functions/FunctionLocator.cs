using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;
using MacroVersioning.Core.Settings;

namespace MacroVersioning.Core.Functions;

/// <summary>
/// Finds the functions to version. Skips opted-out functions and those with <c>AutoPublishAlias</c>
/// (directly or through Globals): SAM publishes versions for those itself, and two version resources
/// for one function would collide.
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
                reports.Add(new FunctionReport(id, null, "skipped: opted out (VersioningMacro Enabled: false)"));
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
            if (merged.ContainsKey("AutoPublishAlias"))
            {
                reports.Add(new FunctionReport(id, null, "skipped: has AutoPublishAlias, so SAM publishes its versions"));
                continue;
            }

            candidates.Add(new FunctionCandidate(id, type, resource, merged, settings));
        }

        return candidates;
    }
}

using System.Text.Json.Nodes;
using MacroVersioning.Core;

namespace MacroVersioning.Tests.Properties;

/// <summary>
/// Takes out of a transformed template exactly what the macro promises to add (SPEC §4): the version
/// resources, their outputs and the Description stamp. What is left must be the input, key order included.
/// </summary>
internal static class OurAdditions
{
    public static JsonObject Remove(JsonObject input, JsonObject output, IReadOnlyList<FunctionReport> reports)
    {
        var result = (JsonObject)output.DeepClone();
        var resources = (JsonObject)result["Resources"]!;
        var inputResources = (JsonObject)input["Resources"]!;
        var outputs = result["Outputs"] as JsonObject;
        foreach (var report in reports.Where(r => r.Versioned))
        {
            resources.Remove(report.VersionId!);
            if (input["Outputs"]?[$"{report.FunctionId}VersionArn"] is null)
            {
                outputs?.Remove($"{report.FunctionId}VersionArn");
            }

            RestoreDescription((JsonObject)inputResources[report.FunctionId]!, (JsonObject)resources[report.FunctionId]!);
        }

        if (!input.ContainsKey("Outputs") && outputs is { Count: 0 })
        {
            result.Remove("Outputs");
        }

        return result;
    }

    private static void RestoreDescription(JsonObject inputFunction, JsonObject outputFunction)
    {
        if (inputFunction["Properties"] is not JsonObject inputProperties)
        {
            outputFunction.Remove("Properties");
            return;
        }

        var outputProperties = (JsonObject)outputFunction["Properties"]!;
        if (inputProperties.TryGetPropertyValue("Description", out var original))
        {
            outputProperties["Description"] = original?.DeepClone();
        }
        else
        {
            outputProperties.Remove("Description");
        }
    }
}

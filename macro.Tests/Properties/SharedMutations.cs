using System.Text.Json.Nodes;

namespace MacroVersioning.Tests.Properties;

/// <summary>
/// Changes outside any one function that reach some functions' versions: Globals.Function, a parameter
/// value, a layer of the template. <see cref="VersionInputs.Affected"/> says which functions they reach.
/// </summary>
internal sealed class SharedMutations(int seed)
{
    /// <summary>Version-locked properties SAM accepts in Globals.Function.</summary>
    private static readonly string[] GlobalLocked =
    [
        "Runtime", "Handler", "MemorySize", "Timeout", "Environment", "Layers", "VpcConfig", "KmsKeyArn", "Architectures",
        "EphemeralStorage", "SnapStart", "RuntimeManagementConfig", "LoggingConfig", "Description", "Tracing",
    ];

    // A stream apart from the generator's and TemplateMutations'.
    private readonly RandomJson random = new(TemplateMutations.OtherStream(seed) + 1);

    /// <summary>Changes one scalar inside a Globals.Function version-locked value, or sets one (adding Globals if need be).</summary>
    public string ChangeGlobals(JsonObject fragment)
    {
        var globals = fragment["Globals"] as JsonObject ?? (JsonObject)(fragment["Globals"] = new JsonObject());
        var function = globals["Function"] as JsonObject ?? (JsonObject)(globals["Function"] = new JsonObject());
        var leaves = function.Where(p => GlobalLocked.Contains(p.Key)).SelectMany(p => TemplateMutations.Leaves(p.Value, p.Key)).ToList();
        if (leaves.Count > 0 && random.Chance(0.5))
        {
            var (leaf, path) = random.Pick(leaves);
            leaf.ReplaceWith(TemplateMutations.Changed(leaf));
            return $"Globals.Function.{path} changed";
        }

        var name = random.Pick(GlobalLocked);
        function[name] = $"changed-{random.Token()}";
        return $"Globals.Function.{name} set to a new value";
    }

    /// <summary>A new value for LogLevel, which generated functions and Globals may use in Environment.</summary>
    public string ChangeParameter(JsonObject parameterValues)
    {
        parameterValues["LogLevel"] = $"changed-{random.Token()}";
        return "parameter LogLevel changed";
    }

    /// <summary>
    /// Changes the template's layer: its content, a hashed property, or its Metadata (the one change
    /// that reaches no version); null without a layer.
    /// </summary>
    public string? ChangeLayer(JsonObject fragment)
    {
        if (fragment["Resources"]!["SharedLayer"] is not JsonObject layer)
        {
            return null;
        }

        var properties = (JsonObject)layer["Properties"]!;
        var serverless = layer["Type"]!.GetValue<string>() == "AWS::Serverless::LayerVersion";
        switch (random.Next(0, serverless ? 5 : 4))
        {
            case 0 when serverless:
                properties["ContentUri"] = $"s3://bucket/layer-changed-{random.Token()}.zip";
                return "SharedLayer.ContentUri points at other content";
            case 0:
                properties["Content"] = new JsonObject { ["S3Bucket"] = "bucket", ["S3Key"] = $"layer-changed-{random.Token()}.zip" };
                return "SharedLayer.Content points at other content";
            case 1:
                properties["Description"] = $"layer {random.Token()}";
                return "SharedLayer.Description set";
            case 2 when serverless:
                properties["CompatibleRuntimes"] = new JsonArray("python3.12", "python3.13");
                return "SharedLayer.CompatibleRuntimes changed";
            case 2:
                properties["LayerName"] = $"shared-{random.Token()}";
                return "SharedLayer.LayerName changed";
            case 3 when serverless:
                // SAM names the layer version it generates after all its properties, so this publishes a new layer ARN.
                properties["RetentionPolicy"] = properties["RetentionPolicy"]?.GetValue<string>() == "Retain" ? "Delete" : "Retain";
                return "SharedLayer.RetentionPolicy changed";
            default:
                layer["Metadata"] = new JsonObject { ["Note"] = random.Token() };
                return "SharedLayer.Metadata set (not hashed)";
        }
    }
}

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

    /// <summary>
    /// Changes a resource that functions may name: a change that replaces it (a new name or ARN), one
    /// that updates it in place (its StreamArn may change, its name does not), or its Tags (no value
    /// any function sees changes).
    /// </summary>
    public string ChangeReferencedResource(JsonObject fragment)
    {
        var resources = (JsonObject)fragment["Resources"]!;
        JsonObject Properties(string id) => resources[id]!["Properties"] as JsonObject ?? (JsonObject)(resources[id]!["Properties"] = new JsonObject());
        switch (random.Next(0, 8))
        {
            case 0:
                Properties("Table")["TableName"] = $"table-{random.Token()}";
                return "Table.TableName set (replaces the table)";
            case 1:
                var key = $"key{random.Token()}";
                Properties("Table")["KeySchema"] = new JsonArray(new JsonObject { ["AttributeName"] = key, ["KeyType"] = "HASH" });
                Properties("Table")["AttributeDefinitions"] = new JsonArray(new JsonObject { ["AttributeName"] = key, ["AttributeType"] = "S" });
                return "Table.KeySchema changed (replaces the table)";
            case 2:
                Properties("Table")["StreamSpecification"] = new JsonObject { ["StreamViewType"] = "NEW_IMAGE" };
                return "Table.StreamSpecification set (updates the table: a new StreamArn, the same name)";
            case 3:
                Properties("Role")["Path"] = $"/{random.Token()}/";
                return "Role.Path set (replaces the role)";
            case 4:
                Properties("Queue")["QueueName"] = $"queue-{random.Token()}";
                return "Queue.QueueName set (replaces the queue)";
            case 5:
                Properties("Topic")["TopicName"] = $"topic-{random.Token()}";
                return "Topic.TopicName set (replaces the topic)";
            case 6:
                Properties("Table")["Tags"] = new JsonArray(new JsonObject { ["Key"] = "team", ["Value"] = random.Token() });
                return "Table.Tags set (seen by no function)";
            default:
                Properties("Role")["Policies"] = new JsonArray(new JsonObject
                {
                    ["PolicyName"] = random.Token(),
                    ["PolicyDocument"] = new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = new JsonArray() },
                });
                return "Role.Policies set (updates the role in place)";
        }
    }
}

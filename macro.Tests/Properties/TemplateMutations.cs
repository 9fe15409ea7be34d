using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;

namespace MacroVersioning.Tests.Properties;

/// <summary>Changes to a generated template, each with a known effect on version ids.</summary>
internal sealed class TemplateMutations(int seed)
{
    // A stream apart from the generator's: the same stream would regenerate the very values it changes.
    private readonly RandomJson random = new(OtherStream(seed));

    public static int OtherStream(int seed) => unchecked((seed * 7919) + 104729);

    public static IEnumerable<(string Id, string Type, JsonObject Resource)> Functions(JsonObject fragment) =>
        ((JsonObject)fragment["Resources"]!)
            .Where(p => p.Value?["Type"]?.GetValue<string>() is LambdaProperties.Serverless or LambdaProperties.Lambda)
            .Select(p => (p.Key, p.Value!["Type"]!.GetValue<string>(), (JsonObject)p.Value));

    /// <summary>Every object's keys in a new random order, everywhere in the template.</summary>
    public JsonObject ReorderKeys(JsonObject fragment) => (JsonObject)random.Shuffled(fragment)!;

    /// <summary>
    /// In every version-locked value (functions, Globals, layers), numbers become quoted strings and
    /// number-like strings numbers; <c>true</c> and <c>"true"</c> likewise. Lambda reads both alike.
    /// </summary>
    public static void Requote(JsonObject fragment)
    {
        foreach (var (_, type, function) in Functions(fragment))
        {
            RequoteLocked(function["Properties"] as JsonObject, type);
        }

        RequoteLocked(fragment["Globals"]?["Function"] as JsonObject, LambdaProperties.Serverless);
        if (fragment["Resources"]!["SharedLayer"]?["Properties"] is JsonObject layer)
        {
            foreach (var name in layer.Select(p => p.Key).Where(k => k is not ("ContentUri" or "Content")).ToList())
            {
                layer[name] = Requoted(layer[name]);
            }
        }
    }

    /// <summary>Sets one version-locked property of one function (present or not) to a value it never had.</summary>
    public string ChangeLocked(JsonObject fragment, string functionId)
    {
        var (_, type, function) = Functions(fragment).Single(f => f.Id == functionId);
        var properties = Properties(function);
        var name = random.Pick(LambdaProperties.VersionLocked(type));
        properties[name] = $"changed-{random.Token()}";
        return $"{functionId}.{name} set to a new value";
    }

    /// <summary>Changes one scalar inside a version-locked property, outside any intrinsic; null when there is none.</summary>
    public string? ChangeLockedLeaf(JsonObject fragment, string functionId)
    {
        var (_, type, function) = Functions(fragment).Single(f => f.Id == functionId);
        var leaves = Properties(function)
            .Where(p => LambdaProperties.VersionLocked(type).Contains(p.Key))
            .SelectMany(p => Leaves(p.Value, $"{p.Key}"))
            .ToList();
        if (leaves.Count == 0)
        {
            return null;
        }

        var (leaf, path) = random.Pick(leaves);
        leaf.ReplaceWith(Changed(leaf));
        return $"{functionId}.{path} changed";
    }

    /// <summary>Points a function at different code of the same kind (S3 object, inline text or image).</summary>
    public string ChangeCode(JsonObject fragment, string functionId)
    {
        var (_, type, function) = Functions(fragment).Single(f => f.Id == functionId);
        var properties = Properties(function);
        var name = LambdaProperties.Code(type).First(properties.ContainsKey);
        properties[name] = (name, properties[name]) switch
        {
            ("Code", JsonObject code) when code.ContainsKey("ZipFile") => new JsonObject { ["ZipFile"] = $"// changed {random.Token()}" },
            ("Code", JsonObject code) when code.ContainsKey("ImageUri") => new JsonObject { ["ImageUri"] = $"123456789012.dkr.ecr.us-east-1.amazonaws.com/app:{random.Token()}" },
            ("Code", _) => new JsonObject { ["S3Bucket"] = "bucket", ["S3Key"] = $"changed-{random.Token()}.zip" },
            ("ImageUri", _) => $"123456789012.dkr.ecr.us-east-1.amazonaws.com/app:{random.Token()}",
            ("InlineCode", _) => $"# changed {random.Token()}",
            _ => $"s3://bucket/changed-{random.Token()}.zip",
        };
        return $"{functionId}.{name} points at other code";
    }

    /// <summary>Changes something Lambda does not version: an unversioned property or a resource attribute.</summary>
    public string ChangeUnversioned(JsonObject fragment, string functionId, ValueGenerator values)
    {
        var (_, type, function) = Functions(fragment).Single(f => f.Id == functionId);
        var names = LambdaProperties.Unversioned(type).Concat(["@DependsOn", "@Condition", "@Metadata"]).ToList();
        if (VersionInputs.HasImplicitRole(type, Properties(function)))
        {
            // RolePath is the Path of the role SAM generates: a new path replaces it (a new role ARN).
            names.Remove("RolePath");
        }

        var name = random.Pick(names);
        var alias = Properties(function)["AutoPublishAlias"] is not null || fragment["Globals"]?["Function"]?["AutoPublishAlias"] is not null;
        if (alias && name == "VersionDescription")
        {
            // SAM puts it on its own version of an AutoPublishAlias function: the macro folds it into the id there.
            name = "Tags";
        }

        switch (name)
        {
            case "@DependsOn":
                function["DependsOn"] = new JsonArray("Queue", "Topic");
                break;
            case "@Condition":
                function["Condition"] = function["Condition"]?.GetValue<string>() == "IsProd" ? "IsNotProd" : "IsProd";
                break;
            case "@Metadata":
                (function["Metadata"] as JsonObject ?? (JsonObject)(function["Metadata"] = new JsonObject()))["Note"] = random.Token();
                break;
            default:
                Properties(function)[name] = values.Unversioned(name, type == LambdaProperties.Serverless);
                break;
        }

        return $"{functionId}.{name} changed";
    }

    /// <summary>Changes or adds a resource no function's version depends on.</summary>
    public string ChangeUnrelatedResource(JsonObject fragment)
    {
        var resources = (JsonObject)fragment["Resources"]!;
        switch (random.Next(0, 4))
        {
            case 0:
                resources["Topic"]!["Properties"]!["DisplayName"] = random.Token();
                return "Topic.DisplayName changed";
            case 1:
                resources["Queue"]!["Properties"]!["VisibilityTimeout"] = random.Number(random.Next(1, 900));
                return "Queue.VisibilityTimeout added";
            case 2:
                resources["Role"]!["Properties"]!["ManagedPolicyArns"] = new JsonArray($"arn:aws:iam::aws:policy/{random.Token()}");
                return "Role.ManagedPolicyArns added (functions reference the role, not its policies)";
            default:
                resources[$"Extra{random.Token()}"] = new JsonObject { ["Type"] = "AWS::SNS::Topic" };
                return "a topic added";
        }
    }

    private static JsonObject Properties(JsonObject function) =>
        function["Properties"] as JsonObject ?? (JsonObject)(function["Properties"] = new JsonObject());

    private static void RequoteLocked(JsonObject? properties, string type)
    {
        foreach (var name in properties?.Select(p => p.Key).Where(LambdaProperties.VersionLocked(type).Contains).ToList() ?? [])
        {
            properties![name] = Requoted(properties[name]);
        }
    }

    private static JsonNode? Requoted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.ToList().Select(p => KeyValuePair.Create(p.Key, Requoted(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Requoted)]),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.Number => JsonValue.Create(value.ToJsonString()),
            JsonValueKind.True or JsonValueKind.False => JsonValue.Create(value.ToJsonString()),
            JsonValueKind.String when value.GetValue<string>() is "true" or "false" => JsonValue.Create(value.GetValue<string>() == "true"),
            JsonValueKind.String when IsPlainInteger(value.GetValue<string>()) => JsonNode.Parse(value.GetValue<string>()),
            _ => value.DeepClone(),
        },
        _ => null,
    };

    private static bool IsPlainInteger(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number.ToString(CultureInfo.InvariantCulture) == text;

    /// <summary>The scalars of a value outside any intrinsic, with their paths.</summary>
    public static IEnumerable<(JsonValue Leaf, string Path)> Leaves(JsonNode? node, string path) => node switch
    {
        _ when Intrinsic.Is(node) => [],
        JsonObject obj => obj.SelectMany(p => Leaves(p.Value, $"{path}.{p.Key}")),
        JsonArray array => array.SelectMany((item, i) => Leaves(item, $"{path}[{i}]")),
        JsonValue value => [(value, path)],
        _ => [],
    };

    /// <summary>A different scalar of the same kind.</summary>
    public static JsonNode Changed(JsonValue leaf) => leaf.GetValueKind() switch
    {
        JsonValueKind.Number => JsonValue.Create(decimal.Parse(leaf.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) + 1),
        JsonValueKind.True => JsonValue.Create(false),
        JsonValueKind.False => JsonValue.Create(true),
        _ => JsonValue.Create(leaf.GetValue<string>() + "-changed"),
    };
}

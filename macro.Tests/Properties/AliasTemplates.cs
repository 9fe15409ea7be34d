using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;

namespace MacroVersioning.Tests.Properties;

/// <summary>
/// Seeded SAM templates with two AutoPublishAlias functions (<c>Fn0</c> written out, <c>Fn1</c> sometimes
/// through Globals) carrying random subsets of version-locked and other properties, with what their S3
/// objects hold; and every single mutation of <c>Fn0</c> the property test applies, each saying whether
/// Lambda would see it (a new version is due) or not.
/// </summary>
internal static class AliasTemplates
{
    public const string Bucket = "artifacts";

    /// <summary>A mutation of <c>Fn0</c> (and of the S3 contents), and whether it must publish a version.</summary>
    public sealed record Mutation(string Name, bool NewVersion, Action<JsonObject, Dictionary<string, string>> Apply);

    public static (JsonObject Template, Dictionary<string, string> Objects) Generate(int seed)
    {
        var random = new RandomJson(seed);
        var objects = new Dictionary<string, string>(StringComparer.Ordinal);
        var resources = new JsonObject();
        var viaGlobals = random.Chance(0.5);
        for (var i = 0; i < 2; i++)
        {
            var key = $"fn{i}-{random.Token()}.zip";
            objects[$"s3://{Bucket}/{key}"] = $"code of fn{i} from seed {seed}";
            var properties = new JsonObject { ["CodeUri"] = $"s3://{Bucket}/{key}", ["Handler"] = "app.handler", ["Runtime"] = "python3.12" };
            if (!(viaGlobals && i == 1))
            {
                properties["AutoPublishAlias"] = "live";
            }

            foreach (var name in random.Subset(Optional, 8))
            {
                properties[name] = Value(name, random);
            }

            resources[$"Fn{i}"] = new JsonObject { ["Type"] = "AWS::Serverless::Function", ["Properties"] = properties };
        }

        var template = new JsonObject { ["Transform"] = new JsonArray("VersioningMacro", "AWS::Serverless-2016-10-31") };
        if (viaGlobals)
        {
            template["Globals"] = new JsonObject { ["Function"] = new JsonObject { ["AutoPublishAlias"] = "live", ["Timeout"] = 7 } };
        }

        template["Resources"] = resources;
        return (template, objects);
    }

    // Before Mutations: static fields initialize in the order they are written.
    private static readonly string[] Locked =
        ["MemorySize", "Timeout", "Environment", "Description", "Layers", "Tracing", "Architectures", "EphemeralStorage", "LoggingConfig", "SnapStart"];

    private static readonly string[] Optional =
    [
        .. Locked, "Tags", "Events", "Policies", "DeploymentPreference", "ProvisionedConcurrencyConfig",
        "AutoPublishAliasAllProperties", "ReservedConcurrentExecutions", "VersionDescription",
    ];

    /// <summary>Every mutation, for every seed: a run covers each kind on many shapes of function.</summary>
    public static IReadOnlyList<Mutation> Mutations { get; } =
    [
        new("code bytes, same key", true, (_, objects) => objects[CodeUri(objects)] += " v2"),
        new("code bytes, new key", true, (t, objects) => Move(t, objects, objects[CodeUri(objects)] + " v2")),
        new("code location, same bytes", false, (t, objects) => Move(t, objects, objects[CodeUri(objects)])),
        new("Runtime", true, (t, _) => Fn0(t)["Runtime"] = "python3.13"),
        new("Handler", true, (t, _) => Fn0(t)["Handler"] = "other.handler"),
        .. Optional.Where(n => Locked.Contains(n)).Select(n => new Mutation(n, true, (t, _) => Change(Fn0(t), n))),
        new("VersionDescription (on SAM's version)", true, (t, _) => Change(Fn0(t), "VersionDescription")),
        .. Optional.Where(n => !Locked.Contains(n) && n != "VersionDescription").Select(n => new Mutation(n, false, (t, _) => Change(Fn0(t), n))),
    ];

    public static JsonObject Fn0(JsonObject template) => template["Resources"]!["Fn0"]!["Properties"]!.AsObject();

    private static string CodeUri(Dictionary<string, string> objects) => objects.Keys.Single(k => k.Contains("/fn0-", StringComparison.Ordinal));

    private static void Move(JsonObject template, Dictionary<string, string> objects, string content)
    {
        var old = CodeUri(objects);
        objects.Remove(old);
        var moved = old.Replace("/fn0-", "/fn0-moved-", StringComparison.Ordinal);
        objects[moved] = content;
        Fn0(template)["CodeUri"] = moved;
    }

    /// <summary>Gives the property the other of its two values (the second when absent: true for a flag).</summary>
    private static void Change(JsonObject properties, string name)
    {
        var first = Value(name, null);
        var second = Value(name, null, other: true);
        properties[name] = properties[name] is { } current && JsonNode.DeepEquals(current, second) ? first : second;
    }

    private static JsonNode Value(string name, RandomJson? random, bool other = false)
    {
        var pick = other || (random?.Chance(0.5) ?? false);
        return name switch
        {
            "MemorySize" => pick ? 512 : 256,
            "Timeout" => pick ? 30 : 10,
            "Environment" => new JsonObject { ["Variables"] = new JsonObject { ["LEVEL"] = pick ? "debug" : "info" } },
            "Description" => pick ? "orders, v2" : "orders",
            "Layers" => new JsonArray($"arn:aws:lambda:us-east-1:123456789012:layer:shared:{(pick ? 2 : 1)}"),
            "Tracing" => pick ? "PassThrough" : "Active",
            "Architectures" => new JsonArray(pick ? "x86_64" : "arm64"),
            "EphemeralStorage" => new JsonObject { ["Size"] = pick ? 1024 : 512 },
            "LoggingConfig" => new JsonObject { ["LogFormat"] = pick ? "Text" : "JSON" },
            "SnapStart" => new JsonObject { ["ApplyOn"] = pick ? "None" : "PublishedVersions" },
            "Tags" => new JsonObject { ["team"] = pick ? "payments" : "orders" },
            "Events" => new JsonObject { ["Tick"] = new JsonObject { ["Type"] = "Schedule", ["Properties"] = new JsonObject { ["Schedule"] = pick ? "rate(5 minutes)" : "rate(1 minute)" } } },
            "Policies" => new JsonArray(pick ? "AmazonS3ReadOnlyAccess" : "AWSLambdaBasicExecutionRole"),
            "DeploymentPreference" => new JsonObject { ["Type"] = pick ? "Canary10Percent5Minutes" : "AllAtOnce" },
            "ProvisionedConcurrencyConfig" => new JsonObject { ["ProvisionedConcurrentExecutions"] = pick ? 2 : 1 },
            "AutoPublishAliasAllProperties" => pick,
            "ReservedConcurrentExecutions" => pick ? 10 : 5,
            "VersionDescription" => pick ? "release 2" : "release 1",
            _ => throw new ArgumentException($"no values for {name}", nameof(name)),
        };
    }

    public static string Describe(JsonObject template) => JsonText.ToCompact(template);
}

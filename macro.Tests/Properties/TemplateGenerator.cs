using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;

namespace MacroVersioning.Tests.Properties;

/// <summary>
/// Generates random valid templates: functions of both types with random subsets of version-locked and
/// unversioned properties, Globals, parameters (NoEcho ones hold planted secrets), conditions, mappings,
/// a layer in the template that functions and Globals may use, intrinsics, references to the added
/// versions (<c>Ref F.Version</c>, <c>Fn::GetAtt F.Version.Version</c>), SAM's AutoPublishAlias on some
/// functions, other resources, random key order, numbers as numbers or quoted strings.
/// </summary>
internal sealed class TemplateGenerator
{
    private static readonly string[] Names = ["Api", "Worker", "Cron", "Ingest", "Auth", "Report"];
    private readonly RandomJson random;
    private readonly List<string> secretNames = [];
    private readonly ValueGenerator values;
    private readonly int seed;

    private TemplateGenerator(int seed)
    {
        this.seed = seed;
        random = new RandomJson(seed);
        values = new ValueGenerator(random, secretNames);
    }

    public static GeneratedTemplate Generate(int seed) => new TemplateGenerator(seed).Build();

    private GeneratedTemplate Build()
    {
        var (parameters, parameterValues, secrets) = Parameters();
        var template = new JsonObject
        {
            ["AWSTemplateFormatVersion"] = "2010-09-09",
            ["Description"] = $"generated from seed {seed}",
            ["Parameters"] = parameters,
            ["Conditions"] = JsonText.Parse("""
                {
                  "IsProd": { "Fn::Equals": [{ "Ref": "Stage" }, "prod"] },
                  "IsNotProd": { "Fn::Not": [{ "Condition": "IsProd" }] },
                  "BigMemory": { "Fn::Or": [{ "Condition": "IsProd" }, { "Fn::Equals": [{ "Ref": "Memory" }, "512"] }] }
                }
                """),
            ["Mappings"] = JsonText.Parse("""
                { "Sizes": { "dev": { "Memory": 128, "Timeout": 3 }, "test": { "Memory": "256", "Timeout": 5 }, "prod": { "Memory": 1024, "Timeout": "30" } } }
                """),
        };
        var hasLayer = random.Chance(0.5);
        if (random.Chance(0.5))
        {
            template["Globals"] = new JsonObject { ["Function"] = GlobalFunction(hasLayer) };
        }

        template["Resources"] = Resources(hasLayer);
        if (random.Chance(0.5))
        {
            template["Outputs"] = JsonText.Parse("""{ "TableName": { "Value": { "Ref": "Table" } }, "TopicArn": { "Value": { "Ref": "Topic" }, "Export": { "Name": "topic" } } }""");
        }

        AddVersionReferences(template);
        AddAutoPublishAlias(template);

        return new GeneratedTemplate(seed, JsonText.ToCompact(random.Shuffled(template)), parameterValues, secrets);
    }

    private (JsonObject Declarations, JsonObject Values, List<string> Secrets) Parameters()
    {
        var declarations = JsonText.Parse("""
            {
              "Stage": { "Type": "String", "Default": "dev", "AllowedValues": ["dev", "test", "prod"] },
              "Memory": { "Type": "Number", "Default": 256 },
              "ArtifactBucket": { "Type": "String" },
              "Subnets": { "Type": "CommaDelimitedList" },
              "LogLevel": { "Type": "String", "Default": "INFO" }
            }
            """)!.AsObject();
        var parameterValues = new JsonObject
        {
            ["Stage"] = random.Pick(["dev", "test", "prod"]),
            ["Memory"] = random.Pick(["128", "256", "512"]),
            ["ArtifactBucket"] = $"artifacts-{random.Next(0, 5)}",
            ["Subnets"] = new JsonArray("subnet-1", random.Pick(["subnet-2", "subnet-3"])),
            ["LogLevel"] = random.Pick(["DEBUG", "INFO", "WARN"]),
        };
        var secrets = new List<string>();
        for (var i = 0; i < random.Next(1, 3); i++)
        {
            var name = $"Secret{i}";
            var secret = $"planted-{seed}-{random.Token()}";
            declarations[name] = new JsonObject { ["Type"] = "String", ["NoEcho"] = random.Bool(true) };
            parameterValues[name] = secret;
            secrets.Add(secret);
            secretNames.Add(name);
        }

        return (declarations, parameterValues, secrets);
    }

    private JsonObject GlobalFunction(bool hasLayer)
    {
        var globals = new JsonObject();
        foreach (var name in random.Subset(["Runtime", "Timeout", "MemorySize", "Environment", "Tracing", "Layers", "Architectures", "Tags", "Handler"], 5))
        {
            globals[name] = name switch
            {
                "Tags" => new JsonObject { ["owner"] = "platform" },
                _ => values.Locked(name, LambdaProperties.Serverless, hasLayer),
            };
        }

        return globals;
    }

    /// <summary>
    /// SAM's spellings for a function's version, which the macro rewrites to the version it adds:
    /// <c>Ref F.Version</c> and <c>Fn::GetAtt F.Version.Version</c> in its three forms, in an alias
    /// resource and in an output (inside a list, next to a plain <c>Ref F</c> that stays as it is).
    /// </summary>
    private void AddVersionReferences(JsonObject template)
    {
        var resources = (JsonObject)template["Resources"]!;
        var functions = resources.Where(r => r.Value!["Type"]!.GetValue<string>() is LambdaProperties.Serverless or LambdaProperties.Lambda).Select(r => r.Key).ToList();
        if (random.Chance(0.5))
        {
            var target = random.Pick(functions);
            resources["LiveAlias"] = new JsonObject
            {
                ["Type"] = "AWS::Lambda::Alias",
                ["Properties"] = new JsonObject { ["FunctionName"] = Intrinsic.Make("Ref", target), ["FunctionVersion"] = VersionNumber(target), ["Name"] = "live" },
            };
        }

        if (random.Chance(0.5))
        {
            var (target, other) = (random.Pick(functions), random.Pick(functions));
            var outputs = template["Outputs"] as JsonObject ?? (JsonObject)(template["Outputs"] = new JsonObject());
            outputs["LiveVersions"] = new JsonObject
            {
                ["Value"] = Intrinsic.Make("Fn::Join", new JsonArray(",", new JsonArray(Intrinsic.Make("Ref", $"{target}.Version"), VersionNumber(other), Intrinsic.Make("Ref", other)))),
            };
        }
    }

    /// <summary>
    /// Every third seed, SAM's alias on one SAM function, or on all of them through Globals (chosen by the
    /// seed, not the random stream, so the other seeds' templates stay as they were).
    /// </summary>
    private void AddAutoPublishAlias(JsonObject template)
    {
        if (seed % 3 != 0)
        {
            return;
        }

        if (seed % 2 == 0 && template["Globals"]?["Function"] is JsonObject globals)
        {
            globals["AutoPublishAlias"] = "live";
            return;
        }

        var resources = (JsonObject)template["Resources"]!;
        if (resources.Select(r => r.Value).FirstOrDefault(r => r!["Type"]!.GetValue<string>() == LambdaProperties.Serverless) is JsonObject function)
        {
            function["Properties"]!["AutoPublishAlias"] = "live";
        }
    }

    private JsonObject VersionNumber(string function) => random.Next(0, 3) switch
    {
        0 => Intrinsic.Make("Fn::GetAtt", new JsonArray(function, "Version.Version")),
        1 => Intrinsic.Make("Fn::GetAtt", new JsonArray($"{function}.Version", "Version")),
        _ => Intrinsic.Make("Fn::GetAtt", $"{function}.Version.Version"),
    };

    private JsonObject Resources(bool hasLayer)
    {
        var resources = new JsonObject();
        if (hasLayer)
        {
            resources["SharedLayer"] = random.Chance(0.5)
                ? new JsonObject
                {
                    ["Type"] = "AWS::Serverless::LayerVersion",
                    ["Properties"] = new JsonObject { ["ContentUri"] = $"s3://bucket/layer-{random.Next(0, 3)}.zip", ["CompatibleRuntimes"] = new JsonArray("python3.12"), ["RetentionPolicy"] = "Retain" },
                }
                : new JsonObject
                {
                    ["Type"] = "AWS::Lambda::LayerVersion",
                    ["Properties"] = new JsonObject { ["Content"] = new JsonObject { ["S3Bucket"] = "bucket", ["S3Key"] = $"layer-{random.Next(0, 3)}.zip" }, ["LayerName"] = "shared" },
                };
        }

        var count = random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            var type = random.Chance(0.7) ? LambdaProperties.Serverless : LambdaProperties.Lambda;
            resources[$"{random.Pick(Names)}{i}"] = values.Function(type, i, hasLayer);
        }

        resources["Table"] = JsonText.Parse("""{"Type":"AWS::DynamoDB::Table","Properties":{"BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]}}""");
        resources["Topic"] = new JsonObject
        {
            ["Type"] = "AWS::SNS::Topic",
            ["Properties"] = new JsonObject { ["DisplayName"] = $"topic {random.Token()}" },

            // Number text and non-ASCII strings must come back exactly as written.
            ["Metadata"] = JsonText.Parse("""{"Ratio":1.50,"Big":1E3,"Zero":-0,"Text":"Grüße 東京 <&> \u2028 🚀"}"""),
        };
        resources["Queue"] = new JsonObject { ["Type"] = "AWS::SQS::Queue", ["Properties"] = new JsonObject { ["MessageRetentionPeriod"] = random.Number(1209600) } };
        resources["Role"] = JsonText.Parse("""{"Type":"AWS::IAM::Role","Properties":{"AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}}}""");
        return resources;
    }
}

using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;

namespace MacroVersioning.Tests.Properties;

/// <summary>Random functions and property values, with the intrinsics real templates use.</summary>
internal sealed class ValueGenerator(RandomJson random, IReadOnlyList<string> secretNames)
{
    private static readonly string[] GeneratedLocked =
    [
        "Runtime", "Handler", "MemorySize", "Timeout", "Environment", "Layers", "Role", "VpcConfig", "KmsKeyArn", "Architectures",
        "EphemeralStorage", "SnapStart", "LoggingConfig", "Description", "FunctionName", "RuntimeManagementConfig",
    ];

    public JsonObject Function(string type, int index, bool hasLayer)
    {
        var serverless = type == LambdaProperties.Serverless;
        var properties = new JsonObject();
        foreach (var (name, value) in Code(serverless, index))
        {
            properties[name] = value;
        }

        var locked = GeneratedLocked.Concat(serverless ? ["Tracing", "DeadLetterQueue"] : ["TracingConfig", "DeadLetterConfig"]).ToList();
        foreach (var name in random.Subset(locked, 8))
        {
            properties[name] = Locked(name, type, hasLayer);
        }

        foreach (var name in random.Subset(LambdaProperties.Unversioned(type), 4))
        {
            properties[name] = Unversioned(name, serverless);
        }

        var function = new JsonObject { ["Type"] = type, ["Properties"] = properties };
        if (random.Chance(0.2))
        {
            function["Condition"] = random.Pick(["IsProd", "IsNotProd"]);
        }

        if (random.Chance(0.2))
        {
            function["DependsOn"] = random.Pick<JsonNode>(["Table", new JsonArray("Table", "Topic")]);
        }

        if (random.Chance(0.3))
        {
            var metadata = new JsonObject { ["BuildMethod"] = "makefile" };
            if (random.Chance(0.5))
            {
                metadata["VersioningMacro"] = new JsonObject { ["StampDescription"] = random.Bool(random.Chance(0.5)), ["Outputs"] = random.Bool(random.Chance(0.5)) };
            }

            function["Metadata"] = metadata;
        }

        return function;
    }

    public JsonNode Locked(string name, string type, bool hasLayer) => name switch
    {
        "Runtime" => random.Pick(["python3.12", "python3.13", "nodejs20.x", "java21"]),
        "Handler" => $"app.handler{random.Next(0, 4)}",
        "MemorySize" => random.Pick<Func<JsonNode>>([() => random.Number(128 * random.Next(1, 9)), () => Ref("Memory"), () => FindInMap("Memory"),
            () => Intrinsic.Make("Fn::If", new JsonArray("BigMemory", random.Number(1024), random.Number(128)))])(),
        "Timeout" => random.Next(0, 10) switch
        {
            < 6 => random.Number(random.Next(1, 900)),
            < 8 => FindInMap("Timeout"),
            _ => JsonText.Parse(random.Pick(["3.0", "3e1", "1.50"]))!,
        },
        "Environment" => new JsonObject { ["Variables"] = Variables() },
        "Layers" => Layers(hasLayer),
        "Role" => random.Chance(0.5) ? "arn:aws:iam::123456789012:role/app" : JsonText.Parse("""{"Fn::GetAtt":["Role","Arn"]}""")!,
        "VpcConfig" => new JsonObject { ["SecurityGroupIds"] = new JsonArray("sg-1"), ["SubnetIds"] = random.Chance(0.5) ? Ref("Subnets") : new JsonArray("subnet-9") },
        "KmsKeyArn" => $"arn:aws:kms:us-east-1:123456789012:key/{random.Next(0, 3)}",
        "Architectures" => new JsonArray(random.Pick(["x86_64", "arm64"])),
        "EphemeralStorage" => new JsonObject { ["Size"] = random.Number(512 * random.Next(1, 4)) },
        "SnapStart" => new JsonObject { ["ApplyOn"] = random.Pick(["PublishedVersions", "None"]) },
        "LoggingConfig" => new JsonObject { ["LogFormat"] = random.Pick(["JSON", "Text"]), ["ApplicationLogLevel"] = "INFO" },
        "Description" => random.Chance(0.6) ? $"does thing {random.Next(0, 9)}" : Intrinsic.Make("Fn::Sub", "runs in ${AWS::Region} for ${Stage}"),
        "FunctionName" => Intrinsic.Make("Fn::Sub", $"${{Stage}}-fn-{random.Token()}"),
        "RuntimeManagementConfig" => new JsonObject { ["UpdateRuntimeOn"] = random.Pick(["Auto", "FunctionUpdate"]) },
        "Tracing" => random.Pick(["Active", "PassThrough"]),
        "TracingConfig" => new JsonObject { ["Mode"] = random.Pick(["Active", "PassThrough"]) },
        "DeadLetterQueue" => new JsonObject { ["Type"] = "SQS", ["TargetArn"] = JsonText.Parse("""{"Fn::GetAtt":["Queue","Arn"]}""") },
        "DeadLetterConfig" => new JsonObject { ["TargetArn"] = JsonText.Parse("""{"Fn::GetAtt":["Queue","Arn"]}""") },
        _ => throw new ArgumentException($"no generator for {name} ({type})"),
    };

    /// <summary>A fresh value for an unversioned property; it never reaches a version id.</summary>
    public JsonNode Unversioned(string name, bool serverless) => name switch
    {
        "Tags" => serverless ? new JsonObject { ["team"] = random.Token() } : new JsonArray(new JsonObject { ["Key"] = "team", ["Value"] = random.Token() }),
        "Events" => new JsonObject { ["Notify"] = new JsonObject { ["Type"] = "SNS", ["Properties"] = new JsonObject { ["Topic"] = Ref("Topic") } }, ["At"] = new JsonObject { ["Type"] = "Schedule", ["Properties"] = new JsonObject { ["Schedule"] = $"rate({random.Next(1, 60)} minutes)" } } },
        "Policies" => new JsonArray("AWSLambdaBasicExecutionRole", new JsonObject { ["DynamoDBCrudPolicy"] = new JsonObject { ["TableName"] = Ref("Table") } }),
        "ReservedConcurrentExecutions" => random.Number(random.Next(1, 100)),
        "ProvisionedConcurrencyConfig" => new JsonObject { ["ProvisionedConcurrentExecutions"] = random.Number(random.Next(1, 5)) },
        "EventInvokeConfig" => new JsonObject { ["MaximumRetryAttempts"] = random.Number(random.Next(0, 3)), ["MaximumEventAgeInSeconds"] = JsonText.Parse(random.Pick(["60", "6.0e1", "60.0"])) },
        "FunctionUrlConfig" => new JsonObject { ["AuthType"] = random.Pick(["NONE", "AWS_IAM"]) },
        "PropagateTags" => random.Bool(random.Chance(0.5)),
        "RecursiveLoop" => random.Pick(["Allow", "Terminate"]),
        _ => $"arn:aws:{name.ToLowerInvariant()}:{random.Token()}",
    };

    private IEnumerable<(string Name, JsonNode Value)> Code(bool serverless, int index)
    {
        var choice = random.Next(0, 5);
        if (serverless)
        {
            return choice switch
            {
                0 => [("CodeUri", $"s3://bucket/fn{index}-{random.Next(0, 3)}.zip")],
                1 => [("CodeUri", new JsonObject { ["Bucket"] = "bucket", ["Key"] = $"fn{index}.zip", ["Version"] = $"v{random.Next(0, 3)}" })],
                2 => [("CodeUri", Intrinsic.Make("Fn::Sub", $"s3://${{ArtifactBucket}}/fn{index}.zip"))],
                3 => [("InlineCode", $"def handler(event, context):\n    return {random.Next(0, 100)}\n")],
                _ => [("ImageUri", $"123456789012.dkr.ecr.us-east-1.amazonaws.com/app:{random.Token()}"), ("PackageType", "Image")],
            };
        }

        return choice switch
        {
            0 or 1 => [("Code", new JsonObject { ["S3Bucket"] = "bucket", ["S3Key"] = $"fn{index}-{random.Next(0, 3)}.zip" })],
            2 => [("Code", new JsonObject { ["S3Bucket"] = Ref("ArtifactBucket"), ["S3Key"] = $"fn{index}.zip" })],
            3 => [("Code", new JsonObject { ["ZipFile"] = $"exports.handler = async () => {random.Next(0, 100)};" })],
            _ => [("Code", new JsonObject { ["ImageUri"] = $"123456789012.dkr.ecr.us-east-1.amazonaws.com/app:{random.Token()}" }), ("PackageType", "Image")],
        };
    }

    private JsonObject Variables()
    {
        var variables = new JsonObject();
        for (var i = 0; i < random.Next(1, 5); i++)
        {
            variables[$"VAR_{random.Next(0, 8)}"] = EnvironmentValue();
        }

        return variables;
    }

    private JsonNode EnvironmentValue()
    {
        var secret = secretNames.Count > 0 ? random.Pick(secretNames) : "Stage";
        return random.Next(0, 16) switch
        {
            0 => $"value-{random.Next(0, 5)}",
            1 => random.Number(random.Next(0, 10000)),
            2 => random.Bool(random.Chance(0.5)),
            3 => Ref("Stage"),
            4 => Ref(secret),
            5 => Intrinsic.Make("Fn::Sub", $"postgres://app:${{{secret}}}@db-${{Stage}}"),
            6 => Intrinsic.Make("Fn::If", new JsonArray("IsProd", "live", Ref("AWS::NoValue"))),
            7 => JsonText.Parse("""{"Fn::GetAtt":["Table","Arn"]}""")!,
            8 => Intrinsic.Make("Fn::Join", new JsonArray("-", new JsonArray(Ref("Stage"), Ref("AWS::Region")))),
            9 => Intrinsic.Make("Fn::Select", new JsonArray(random.Number(0), Ref("Subnets"))),
            10 => Ref("LogLevel"),
            11 => Intrinsic.Make("Fn::Sub", "level-${LogLevel}"),
            // References whose value changes with the resource: on replacement, or on any update (StreamArn).
            12 => Intrinsic.Make("Fn::Sub", "topic ${Topic} in ${AWS::Region}"),
            13 => JsonText.Parse("""{"Fn::GetAtt":["Table","StreamArn"]}""")!,
            14 => JsonText.Parse("""{"Fn::GetAtt":["Queue","QueueName"]}""")!,
            _ => Ref("Table"),
        };
    }

    private JsonNode Layers(bool hasLayer)
    {
        var layers = new JsonArray($"arn:aws:lambda:us-east-1:123456789012:layer:base:{random.Next(1, 4)}");
        if (hasLayer)
        {
            layers.Add(random.Chance(0.5) ? Ref("SharedLayer") : JsonText.Parse("""{"Fn::GetAtt":["SharedLayer","Arn"]}"""));
        }

        return layers;
    }

    private static JsonObject Ref(string name) => Intrinsic.Make("Ref", name);

    private static JsonObject FindInMap(string key) => Intrinsic.Make("Fn::FindInMap", new JsonArray("Sizes", Ref("Stage"), key));
}

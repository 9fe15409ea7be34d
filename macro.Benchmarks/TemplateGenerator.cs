using System.Text.Json.Nodes;

namespace MacroVersioning.Benchmarks;

/// <summary>
/// Generated SAM templates of a given size for the transform benchmarks: half the resources are
/// functions (SAM and plain Lambda, alternating) with realistic properties, Globals, parameters used
/// through Ref and Fn::Sub, and code in S3 (so location identity needs no network). The rest are the
/// roles the Lambda functions need and the queues, topics and tables a real stack holds.
/// </summary>
internal static class TemplateGenerator
{
    public const string Region = "us-east-1";
    public const string AccountId = "123456789012";

    public static readonly IReadOnlyDictionary<string, string> ParameterValues = new Dictionary<string, string>
    {
        ["Stage"] = "prod",
        ["LogLevel"] = "INFO",
        ["ArtifactBucket"] = "bench-artifacts",
    };

    /// <summary>The whole template, with <c>Transform</c>, as a user writes it (minus the macro for SAM alone).</summary>
    public static JsonObject Template(int resources, bool withMacro)
    {
        var template = Fragment(resources);
        JsonNode transform = withMacro
            ? new JsonArray(new JsonObject { ["Name"] = "VersioningMacro", ["Parameters"] = Params() }, "AWS::Serverless-2016-10-31")
            : "AWS::Serverless-2016-10-31";
        var ordered = new JsonObject { ["AWSTemplateFormatVersion"] = "2010-09-09", ["Transform"] = transform };
        foreach (var (name, value) in template)
        {
            ordered[name] = value?.DeepClone();
        }

        return ordered;
    }

    /// <summary>The macro request CloudFormation would send for <see cref="Template"/>.</summary>
    public static JsonObject Event(int resources) => new()
    {
        ["region"] = Region,
        ["accountId"] = AccountId,
        ["fragment"] = Fragment(resources),
        ["transformId"] = $"{AccountId}::VersioningMacro",
        ["params"] = Params(),
        ["requestId"] = $"bench-{resources}",
        ["templateParameterValues"] = new JsonObject([.. ParameterValues.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]),
    };

    public static int Functions(int resources) => resources / 2;

    private static JsonObject Params() => new() { ["CodeIdentity"] = "location" };

    private static JsonObject Fragment(int resources)
    {
        var functions = Functions(resources);
        var lambdaFunctions = functions / 2;
        var all = new JsonObject();
        for (var k = 0; k < functions; k++)
        {
            if (k % 2 == 0)
            {
                all[$"Function{k}"] = ServerlessFunction(k);
            }
            else
            {
                all[$"Function{k}"] = LambdaFunction(k);
                all[$"Function{k}Role"] = Role();
            }
        }

        for (var k = 0; all.Count < resources; k++)
        {
            all[$"Store{k}"] = (k % 3) switch
            {
                0 => new JsonObject { ["Type"] = "AWS::SQS::Queue", ["Properties"] = new JsonObject { ["VisibilityTimeout"] = 60, ["QueueName"] = Sub($"${{Stage}}-queue-{k}") } },
                1 => new JsonObject { ["Type"] = "AWS::SNS::Topic", ["Properties"] = new JsonObject { ["TopicName"] = Sub($"${{Stage}}-topic-{k}") } },
                _ => Table(k),
            };
        }

        return new JsonObject
        {
            ["Description"] = $"Generated benchmark stack: {resources} resources, {functions} functions",
            ["Parameters"] = new JsonObject
            {
                ["Stage"] = new JsonObject { ["Type"] = "String", ["Default"] = "prod", ["AllowedValues"] = new JsonArray("dev", "prod") },
                ["LogLevel"] = new JsonObject { ["Type"] = "String", ["Default"] = "INFO" },
                ["ArtifactBucket"] = new JsonObject { ["Type"] = "String" },
            },
            ["Conditions"] = new JsonObject { ["IsProd"] = new JsonObject { ["Fn::Equals"] = new JsonArray(Ref("Stage"), "prod") } },
            ["Globals"] = new JsonObject
            {
                ["Function"] = new JsonObject
                {
                    ["Runtime"] = "python3.12",
                    ["Timeout"] = 30,
                    ["Tracing"] = "Active",
                    ["Architectures"] = new JsonArray("arm64"),
                    ["Environment"] = new JsonObject { ["Variables"] = new JsonObject { ["STAGE"] = Ref("Stage"), ["POWERTOOLS_SERVICE_NAME"] = "bench" } },
                },
            },
            ["Resources"] = all,
        };
    }

    private static JsonObject ServerlessFunction(int k) => new()
    {
        ["Type"] = "AWS::Serverless::Function",
        ["Properties"] = new JsonObject
        {
            // A few functions share an artifact, as in a monorepo build.
            ["CodeUri"] = $"s3://bench-artifacts/app/{k % 20}/package.zip",
            ["Handler"] = $"app.handler_{k}",
            ["MemorySize"] = 256 + (k % 4 * 256),
            ["Description"] = Sub($"Function {k} of the ${{Stage}} stack"),
            ["Environment"] = new JsonObject
            {
                ["Variables"] = new JsonObject
                {
                    ["LOG_LEVEL"] = Ref("LogLevel"),
                    ["QUEUE_URL"] = Sub($"https://sqs.${{AWS::Region}}.amazonaws.com/${{AWS::AccountId}}/${{Stage}}-queue-{k}"),
                    ["FEATURE_FLAG"] = new JsonObject { ["Fn::If"] = new JsonArray("IsProd", "on", "off") },
                },
            },
            ["Policies"] = new JsonArray("AWSLambdaBasicExecutionRole"),
            ["Events"] = new JsonObject
            {
                ["Tick"] = new JsonObject { ["Type"] = "Schedule", ["Properties"] = new JsonObject { ["Schedule"] = "rate(5 minutes)" } },
            },
            ["Tags"] = new JsonObject { ["team"] = "platform", ["function"] = $"f{k}" },
        },
    };

    private static JsonObject LambdaFunction(int k) => new()
    {
        ["Type"] = "AWS::Lambda::Function",
        ["Properties"] = new JsonObject
        {
            ["Code"] = new JsonObject { ["S3Bucket"] = Ref("ArtifactBucket"), ["S3Key"] = Sub($"app/${{Stage}}/{k}.zip") },
            ["Handler"] = $"app.handler_{k}",
            ["Runtime"] = "python3.12",
            ["MemorySize"] = 512,
            ["Timeout"] = 15,
            ["Role"] = new JsonObject { ["Fn::GetAtt"] = new JsonArray($"Function{k}Role", "Arn") },
            ["TracingConfig"] = new JsonObject { ["Mode"] = "Active" },
            ["Environment"] = new JsonObject
            {
                ["Variables"] = new JsonObject { ["STAGE"] = Ref("Stage"), ["TABLE_ARN"] = Sub($"arn:${{AWS::Partition}}:dynamodb:${{AWS::Region}}:${{AWS::AccountId}}:table/t{k}") },
            },
            ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "team", ["Value"] = "platform" }),
        },
    };

    private static JsonObject Role() => new()
    {
        ["Type"] = "AWS::IAM::Role",
        ["Properties"] = new JsonObject
        {
            ["AssumeRolePolicyDocument"] = new JsonObject
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = new JsonArray(new JsonObject
                {
                    ["Effect"] = "Allow",
                    ["Principal"] = new JsonObject { ["Service"] = "lambda.amazonaws.com" },
                    ["Action"] = "sts:AssumeRole",
                }),
            },
            ["ManagedPolicyArns"] = new JsonArray(Sub("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")),
        },
    };

    private static JsonObject Table(int k) => new()
    {
        ["Type"] = "AWS::DynamoDB::Table",
        ["Properties"] = new JsonObject
        {
            ["BillingMode"] = "PAY_PER_REQUEST",
            ["AttributeDefinitions"] = new JsonArray(new JsonObject { ["AttributeName"] = "pk", ["AttributeType"] = "S" }),
            ["KeySchema"] = new JsonArray(new JsonObject { ["AttributeName"] = "pk", ["KeyType"] = "HASH" }),
            ["TableName"] = Sub($"${{Stage}}-table-{k}"),
        },
    };

    private static JsonObject Ref(string name) => new() { ["Ref"] = name };

    private static JsonObject Sub(string text) => new() { ["Fn::Sub"] = text };
}

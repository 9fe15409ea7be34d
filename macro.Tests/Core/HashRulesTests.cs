using System.Text.Json.Nodes;
using MacroVersioning.Tests.Fakes;

namespace MacroVersioning.Tests.Core;

/// <summary>
/// The id contract (SPEC §3): a change Lambda snapshots into a version changes the id; anything else
/// leaves it alone; and known inputs keep their exact ids across releases.
/// </summary>
public sealed class HashRulesTests
{
    private const string Base = """
        {
          "Parameters": { "Stage": { "Type": "String" }, "Unused": { "Type": "String" } },
          "Resources": {
            "Fn": {
              "Type": "AWS::Serverless::Function",
              "Properties": {
                "CodeUri": "s3://bucket/app.zip", "Handler": "app.handler", "Runtime": "python3.12",
                "MemorySize": 128, "Timeout": 3, "Environment": { "Variables": { "STAGE": { "Ref": "Stage" } } },
                "Layers": ["arn:aws:lambda:us-east-1:123456789012:layer:a:1", "arn:aws:lambda:us-east-1:123456789012:layer:b:1"],
                "Role": "arn:aws:iam::123456789012:role/app", "Tags": { "team": "core" }, "Events": {},
                "Policies": ["AWSLambdaBasicExecutionRole"], "ReservedConcurrentExecutions": 5
              }
            }
          }
        }
        """;

    private static readonly JsonObject Params = new() { ["Stage"] = "prod", ["Unused"] = "x" };

    public static TheoryData<string, Action<JsonObject>> VersionLockedChanges() => new()
    {
        { "Runtime", p => p["Runtime"] = "python3.13" },
        { "Handler", p => p["Handler"] = "other.handler" },
        { "MemorySize", p => p["MemorySize"] = 256 },
        { "Timeout", p => p["Timeout"] = 4 },
        { "Environment variable added", p => p["Environment"]!["Variables"]!["NEW"] = "1" },
        { "Layer order", p => p["Layers"] = new JsonArray("arn:aws:lambda:us-east-1:123456789012:layer:b:1", "arn:aws:lambda:us-east-1:123456789012:layer:a:1") },
        { "Role", p => p["Role"] = "arn:aws:iam::123456789012:role/other" },
        { "VpcConfig", p => p["VpcConfig"] = new JsonObject { ["SubnetIds"] = new JsonArray("subnet-1") } },
        { "Architectures", p => p["Architectures"] = new JsonArray("arm64") },
        { "EphemeralStorage", p => p["EphemeralStorage"] = new JsonObject { ["Size"] = 1024 } },
        { "LoggingConfig", p => p["LoggingConfig"] = new JsonObject { ["LogFormat"] = "JSON" } },
        { "Tracing", p => p["Tracing"] = "Active" },
        { "KmsKeyArn", p => p["KmsKeyArn"] = "arn:aws:kms:us-east-1:123456789012:key/k" },
        { "Description", p => p["Description"] = "new words" },
        { "SnapStart", p => p["SnapStart"] = new JsonObject { ["ApplyOn"] = "PublishedVersions" } },
        { "DeadLetterQueue", p => p["DeadLetterQueue"] = new JsonObject { ["Type"] = "SQS", ["TargetArn"] = "arn:aws:sqs:us-east-1:123456789012:dlq" } },
        { "FunctionName", p => p["FunctionName"] = "named" },
        { "RuntimeManagementConfig", p => p["RuntimeManagementConfig"] = new JsonObject { ["UpdateRuntimeOn"] = "Manual" } },
        { "Code object", p => p["CodeUri"] = "s3://bucket/app-v2.zip" },
    };

    public static TheoryData<string, Action<JsonObject>> UnversionedChanges() => new()
    {
        { "Tags", p => p["Tags"] = new JsonObject { ["team"] = "payments" } },
        { "Events", p => p["Events"] = new JsonObject { ["Api"] = new JsonObject { ["Type"] = "Api" } } },
        { "Policies", p => p["Policies"] = new JsonArray("AmazonS3ReadOnlyAccess") },
        { "ReservedConcurrentExecutions", p => p["ReservedConcurrentExecutions"] = 50 },
        { "ProvisionedConcurrencyConfig", p => p["ProvisionedConcurrencyConfig"] = new JsonObject { ["ProvisionedConcurrentExecutions"] = 1 } },
        { "CodeSigningConfigArn", p => p["CodeSigningConfigArn"] = "arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-1" },
        { "EventInvokeConfig", p => p["EventInvokeConfig"] = new JsonObject { ["MaximumRetryAttempts"] = 0 } },
        { "FunctionUrlConfig", p => p["FunctionUrlConfig"] = new JsonObject { ["AuthType"] = "NONE" } },
        { "PermissionsBoundary", p => p["PermissionsBoundary"] = "arn:aws:iam::123456789012:policy/b" },
        { "RecursiveLoop", p => p["RecursiveLoop"] = "Allow" },
        { "VersionDescription", p => p["VersionDescription"] = "v" },
        { "Quoted MemorySize", p => p["MemorySize"] = "128" },
        { "Quoted Timeout", p => p["Timeout"] = "3" },
        { "Same bytes under a new key", p => p["CodeUri"] = "s3://bucket/copy-of-app.zip" },
    };

    [Theory]
    [MemberData(nameof(VersionLockedChanges))]
    public void A_version_locked_change_gives_a_new_id(string name, Action<JsonObject> change) =>
        IdAfter(change).Should().NotBe(IdAfter(_ => { }), because: $"{name} is snapshotted into a version");

    [Theory]
    [MemberData(nameof(UnversionedChanges))]
    public void A_change_Lambda_does_not_version_keeps_the_id(string name, Action<JsonObject> change) =>
        IdAfter(change).Should().Be(IdAfter(_ => { }), because: $"{name} is not part of a Lambda version");

    [Fact]
    public void Parameter_values_reach_the_hash()
    {
        var prod = Transform.VersionId(Transform.Parse(Base), Params, source: Source());
        var dev = Transform.VersionId(Transform.Parse(Base), new JsonObject { ["Stage"] = "dev", ["Unused"] = "x" }, source: Source());
        var unusedChanged = Transform.VersionId(Transform.Parse(Base), new JsonObject { ["Stage"] = "prod", ["Unused"] = "y" }, source: Source());

        dev.Should().NotBe(prod);
        unusedChanged.Should().Be(prod);
    }

    [Fact]
    public void Key_order_does_not_change_the_id()
    {
        var reordered = Transform.Parse(Base);
        var properties = (JsonObject)reordered["Resources"]!["Fn"]!["Properties"]!;
        var reversed = new JsonObject([.. properties.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))]);
        reordered["Resources"]!["Fn"]!["Properties"] = reversed;

        Transform.VersionId(reordered, Params, source: Source()).Should().Be(IdAfter(_ => { }));
    }

    [Fact]
    public void Known_input_keeps_its_exact_id() =>
        IdAfter(_ => { }).Should().Be("FnVersione9398b61ba", because: "the id algorithm is a contract: changing it republishes every function");

    [Fact]
    public void Two_hash_keys_give_different_ids_for_the_same_NoEcho_value()
    {
        var template = Transform.Parse(Base);
        template["Parameters"]!["Stage"]!["NoEcho"] = true;

        var one = Transform.VersionId(template, Params, hashKey: "key-one-0123456789", source: Source());
        var two = Transform.VersionId(template, Params, hashKey: "key-two-0123456789", source: Source());

        one.Should().NotBe(two);
    }

    private static FakeCodeIdentitySource Source() =>
        new FakeCodeIdentitySource().Put("s3://bucket/app.zip", "v1").Put("s3://bucket/copy-of-app.zip", "v1").Put("s3://bucket/app-v2.zip", "v2");

    private static string IdAfter(Action<JsonObject> change)
    {
        var template = Transform.Parse(Base);
        change((JsonObject)template["Resources"]!["Fn"]!["Properties"]!);
        return Transform.VersionId(template, Params, source: Source());
    }
}

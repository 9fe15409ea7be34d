using System.Text;
using System.Text.Json.Nodes;
using MacroVersioning.Core;
using MacroVersioning.Core.Json;
using MacroVersioning.Lambda;
using MacroVersioning.Tests.BadInput;
using MacroVersioning.Tests.Core;

namespace MacroVersioning.Tests.Secrets;

/// <summary>
/// A planted NoEcho value, used wherever a template can use one, with and without the hash key, is
/// searched for in everything that leaves: the core's fragment, function reports and problems, and the
/// handler's response and log line. (That two hash keys give two ids is pinned in HashRulesTests.)
/// </summary>
public sealed class NoEchoLeakTests
{
    private const string Secret = "Planted-NoEcho-Secret-5f3a";
    private static readonly string[] ListSecrets = ["Planted-List-Secret-1", "Planted-List-Secret-2"];

    public static TheoryData<string, string> Uses() => new()
    {
        { "environment Ref", """{"CodeUri":"s3://bucket/app.zip","Environment":{"Variables":{"K":{"Ref":"Secret"}}}}""" },
        { "environment Fn::Sub", """{"CodeUri":"s3://bucket/app.zip","Environment":{"Variables":{"K":{"Fn::Sub":"https://u:${Secret}@db/${Stage}"}}}}""" },
        { "Description, stamped", """{"CodeUri":"s3://bucket/app.zip","Description":{"Fn::Sub":"key ${Secret}"}}""" },
        { "layers from a NoEcho list", """{"CodeUri":"s3://bucket/app.zip","Layers":{"Ref":"SecretList"}}""" },
        { "S3 key of a missing object", """{"CodeUri":{"Fn::Sub":"s3://bucket/missing/${Secret}.zip"}}""" },
        { "S3 key, location mode", """{"CodeUri":{"Fn::Sub":"s3://bucket/${Secret}.zip"}}""" },
        { "local path in a deployed template", """{"CodeUri":{"Fn::Sub":"src/${Secret}"}}""" },
        { "inline code", """{"InlineCode":{"Fn::Sub":"TOKEN = '${Secret}'"}}""" },
        { "image tag", """{"ImageUri":{"Fn::Sub":"123456789012.dkr.ecr.us-east-1.amazonaws.com/app:${Secret}"}}""" },
        { "condition on the secret", """{"CodeUri":"s3://bucket/app.zip","Timeout":{"Fn::If":["SecretIsSet",30,3]}}""" },
        { "mapping keyed by the secret", """{"CodeUri":"s3://bucket/app.zip","MemorySize":{"Fn::FindInMap":["Sizes",{"Ref":"Secret"},"Memory"]}}""" },
        { "unknown property", """{"CodeUri":"s3://bucket/app.zip","Colour":{"Ref":"Secret"}}""" },
    };

    [Theory]
    [MemberData(nameof(Uses))]
    public void The_core_lets_no_NoEcho_value_out(string name, string properties)
    {
        foreach (var hashKey in new[] { "leak-test-hash-key", null })
        {
            var result = Transform.Run(Template(name, properties), Values(), Settings(name), hashKey, new Fakes.FakeCodeIdentitySource().Fail($"s3://bucket/missing/{Secret}.zip", $"s3://bucket/missing/{Secret}.zip: no such key"));

            Leaks(JsonText.ToCompact(result.Fragment)).Should().BeEmpty($"the fragment must not hold it ({name}, key {hashKey ?? "none"})");
            Leaks(string.Join("\n", result.Functions)).Should().BeEmpty($"reports must not hold it ({name}, key {hashKey ?? "none"})");
            Leaks(string.Join("\n", result.Problems)).Should().BeEmpty($"problems must not hold it ({name}, key {hashKey ?? "none"})");
        }
    }

    [Theory]
    [MemberData(nameof(Uses))]
    public async Task The_handler_lets_no_NoEcho_value_out(string name, string properties)
    {
        foreach (var hashKey in new[] { "leak-test-hash-key", null })
        {
            var log = new StringWriter();
            var handler = new MacroHandler(_ => new CorpusCodeSource(), TransformOptions.Lambda(hashKey is null ? null : Encoding.UTF8.GetBytes(hashKey)), log);
            var body = new JsonObject
            {
                ["region"] = "us-east-1",
                ["accountId"] = "123456789012",
                ["fragment"] = Template(name, properties),
                ["transformId"] = "123456789012::VersioningMacro",
                ["params"] = Settings(name),
                ["requestId"] = "req-leak",
                ["templateParameterValues"] = Values(),
            };

            var response = await handler.HandleAsync(body.ToJsonString(), CancellationToken.None);

            Leaks(response).Should().BeEmpty($"the response must not hold it ({name}, key {hashKey ?? "none"})");
            Leaks(log.ToString()).Should().BeEmpty($"the log must not hold it ({name}, key {hashKey ?? "none"})");
        }
    }

    private static List<string> Leaks(string text) => [.. ListSecrets.Append(Secret).Where(text.Contains)];

    private static JsonObject Template(string name, string properties)
    {
        var template = Transform.Parse("""
            {
              "Parameters": {
                "Stage": { "Type": "String" },
                "Secret": { "Type": "String", "NoEcho": true },
                "SecretList": { "Type": "CommaDelimitedList", "NoEcho": "true" }
              },
              "Conditions": { "SecretIsSet": { "Fn::Not": [{ "Fn::Equals": [{ "Ref": "Secret" }, ""] }] } },
              "Mappings": { "Sizes": { "prod": { "Memory": 512 } } },
              "Resources": { "Fn": { "Type": "AWS::Serverless::Function", "Properties": {} }, "Topic": { "Type": "AWS::SNS::Topic" } }
            }
            """);
        var merged = (JsonObject)JsonText.Parse(properties)!;
        merged["Handler"] = "app.handler";
        merged["Runtime"] = name == "image tag" ? null : "python3.12";
        template["Resources"]!["Fn"]!["Properties"] = merged;
        return template;
    }

    private static JsonObject Values() => new() { ["Stage"] = "prod", ["Secret"] = Secret, ["SecretList"] = new JsonArray([.. ListSecrets.Select(s => (JsonNode)s)]) };

    private static JsonObject Settings(string name) => name.Contains("location mode") ? new JsonObject { ["CodeIdentity"] = "location" } : [];
}

using System.Text.Json.Nodes;

namespace MacroVersioning.Tests.Cli;

/// <summary>
/// A template written in CloudFormation YAML with short-form tags and the same template in JSON long
/// form give the same version ids and the same output: the format is not part of a function's identity.
/// </summary>
public sealed class YamlJsonVersionIdTests : IDisposable
{
    private const string Yaml = """
        Transform: [VersioningMacro, AWS::Serverless-2016-10-31]
        Parameters:
          Stage: {Type: String, Default: dev}
        Conditions:
          IsProd: !Equals [!Ref Stage, prod]
        Mappings:
          Sizes: {dev: {Memory: 256}, prod: {Memory: 1024}}
        Globals:
          Function:
            Runtime: python3.12
            Timeout: 10
        Resources:
          Api:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: s3://artifacts/api.zip
              Handler: app.handler
              MemorySize: !FindInMap [Sizes, !Ref Stage, Memory]
              Tracing: !If [IsProd, Active, PassThrough]
              Environment:
                Variables:
                  TABLE: !Sub 'orders-${Stage}-${AWS::Region}'
                  FLAGS: !Join [',', [a, b]]
              Description: !Sub 'API for ${Stage}'
        """;

    private const string Json = """
        {
          "Transform": ["VersioningMacro", "AWS::Serverless-2016-10-31"],
          "Parameters": {"Stage": {"Type": "String", "Default": "dev"}},
          "Conditions": {"IsProd": {"Fn::Equals": [{"Ref": "Stage"}, "prod"]}},
          "Mappings": {"Sizes": {"dev": {"Memory": 256}, "prod": {"Memory": 1024}}},
          "Globals": {"Function": {"Runtime": "python3.12", "Timeout": 10}},
          "Resources": {
            "Api": {
              "Type": "AWS::Serverless::Function",
              "Properties": {
                "CodeUri": "s3://artifacts/api.zip",
                "Handler": "app.handler",
                "MemorySize": {"Fn::FindInMap": ["Sizes", {"Ref": "Stage"}, "Memory"]},
                "Tracing": {"Fn::If": ["IsProd", "Active", "PassThrough"]},
                "Environment": {"Variables": {
                  "TABLE": {"Fn::Sub": "orders-${Stage}-${AWS::Region}"},
                  "FLAGS": {"Fn::Join": [",", ["a", "b"]]}
                }},
                "Description": {"Fn::Sub": "API for ${Stage}"}
              }
            }
          }
        }
        """;

    private readonly CliTempDirectory project = new();

    public static TheoryData<string> Stages() => ["dev", "prod"];

    [Theory]
    [MemberData(nameof(Stages))]
    public async Task Yaml_short_forms_and_json_long_forms_give_the_same_ids_and_output(string stage)
    {
        var yaml = await TransformAsync("template.yaml", Yaml, stage);
        var json = await TransformAsync("template.json", Json, stage);

        VersionIds(yaml).Should().ContainSingle().Which.Should().StartWith("ApiVersion");
        VersionIds(json).Should().Equal(VersionIds(yaml));
        JsonNode.DeepEquals(json, yaml).Should().BeTrue($"JSON gave\n{json}\nYAML gave\n{yaml}");
    }

    public void Dispose() => project.Dispose();

    private async Task<JsonObject> TransformAsync(string name, string text, string stage)
    {
        var run = await CliRun.RunAsync("transform", project.Write(name, text), "--code-identity", "location", "--param", $"Stage={stage}");
        run.ExitCode.Should().Be(0, run.Stderr);
        return JsonNode.Parse(run.Stdout)!.AsObject();
    }

    private static List<string> VersionIds(JsonObject output) =>
        [.. output["Resources"]!.AsObject().Select(r => r.Key).Where(k => k.StartsWith("ApiVersion", StringComparison.Ordinal))];
}

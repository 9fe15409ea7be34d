using System.Text.Json.Nodes;
using MacroVersioning.Cli;

namespace MacroVersioning.Tests.Cli;

public sealed class TemplateReaderTests
{
    /// <summary>The same template written in JSON and in YAML (as aws-lambda-dotnet tests its loaders).</summary>
    public static readonly TheoryData<string, string, string> SameTemplate = new()
    {
        {
            "two-function classic",
            """
            {
              "AWSTemplateFormatVersion": "2010-09-09",
              "Transform": ["VersioningMacro", "AWS::Serverless-2016-10-31"],
              "Resources": {
                "Func1": {"Type": "AWS::Serverless::Function", "Properties": {"CodeUri": "src/handlers/func1", "Handler": "index.handler", "Runtime": "python3.12"}},
                "Func2": {"Type": "AWS::Serverless::Function", "Properties": {"CodeUri": "src/handlers/func2", "Handler": "index.handler", "Runtime": "python3.12"}}
              },
              "Outputs": {"Func1Arn": {"Value": {"Fn::GetAtt": ["Func1", "Arn"]}}}
            }
            """,
            """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: [VersioningMacro, AWS::Serverless-2016-10-31]
            Resources:
              Func1:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: src/handlers/func1, Handler: index.handler, Runtime: python3.12}
              Func2:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: src/handlers/func2
                  Handler: index.handler
                  Runtime: python3.12
            Outputs:
              Func1Arn:
                Value: !GetAtt Func1.Arn
            """
        },
        {
            "globals, parameters and intrinsics",
            """
            {
              "Parameters": {"Env": {"Type": "String", "Default": "dev", "AllowedValues": ["dev", "prod"]}, "Mem": {"Type": "Number", "Default": 256}},
              "Conditions": {"IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]}},
              "Globals": {"Function": {"Timeout": 30, "Environment": {"Variables": {"STAGE": {"Ref": "Env"}}}}},
              "Resources": {
                "Layer": {"Type": "AWS::Serverless::LayerVersion", "Properties": {"ContentUri": "layer/"}},
                "Api": {
                  "Type": "AWS::Serverless::Function",
                  "Condition": "IsProd",
                  "Properties": {
                    "MemorySize": {"Ref": "Mem"},
                    "Layers": [{"Ref": "Layer"}],
                    "Description": {"Fn::Sub": "api in ${AWS::Region}"},
                    "Tags": {"Cost": {"Fn::If": ["IsProd", "1.50", {"Ref": "AWS::NoValue"}]}},
                    "Environment": {"Variables": {"TABLE": {"Fn::Join": ["-", [{"Ref": "AWS::StackName"}, "t"]]}, "ON": true}}
                  }
                }
              }
            }
            """,
            """
            Parameters:
              Env: {Type: String, Default: dev, AllowedValues: [dev, prod]}
              Mem:
                Type: Number
                Default: 256
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
            Globals:
              Function:
                Timeout: 30
                Environment:
                  Variables:
                    STAGE: !Ref Env
            Resources:
              Layer:
                Type: AWS::Serverless::LayerVersion
                Properties:
                  ContentUri: layer/
              Api:
                Type: AWS::Serverless::Function
                Condition: IsProd
                Properties:
                  MemorySize: !Ref Mem
                  Layers:
                    - !Ref Layer
                  Description: !Sub 'api in ${AWS::Region}'
                  Tags:
                    Cost: !If [IsProd, '1.50', !Ref AWS::NoValue]
                  Environment:
                    Variables:
                      TABLE: !Join
                        - '-'
                        - - !Ref AWS::StackName
                          - t
                      ON: true
            """
        },
    };

    [Theory]
    [MemberData(nameof(SameTemplate))]
    public void Json_and_yaml_of_one_template_read_the_same(string name, string json, string yaml)
    {
        var fromJson = TemplateReader.Read(json, out var jsonFormat);
        var fromYaml = TemplateReader.Read(yaml, out var yamlFormat);

        (jsonFormat, yamlFormat).Should().Be((TemplateFormat.Json, TemplateFormat.Yaml), name);
        JsonNode.DeepEquals(fromJson, fromYaml).Should().BeTrue(name);
        fromYaml.ToJsonString().Should().Be(fromJson.ToJsonString(), $"{name}: same key order and number text");
    }

    public static readonly TheoryData<string, string, string> Detection = new()
    {
        { "JSON object", """{"Resources": {}}""", "Json" },
        { "JSON after whitespace and a byte order mark", "\uFEFF\n  {\"Resources\": {}}", "Json" },
        { "YAML", "Resources: {}", "Yaml" },
        { "YAML with a leading comment", "# {not json}\nResources: {}", "Yaml" },
    };

    [Theory]
    [MemberData(nameof(Detection))]
    public void Detects_the_format_by_content(string name, string text, string expected)
    {
        TemplateReader.Read(text, out var format);

        format.ToString().Should().Be(expected, name);
    }

    public static readonly TheoryData<string, string, int, int, string> JsonErrors = new()
    {
        { "trailing comma", "{\n  \"a\": 1,\n}", 3, 1, "" },
        { "comment", "{\n  // no\n  \"a\": 1\n}", 2, 3, "" },
        { "duplicate key", "{\"Resources\": {}, \"Resources\": {}}", 1, 1, "Resources" },
        { "unclosed", "{\"a\": [1, 2}", 1, 12, "" },
        { "YAML flow mapping is not retried as YAML", "{Resources: {}}", 1, 2, "" },
        { "line counted after leading blank lines", "\n\n{\"a\": tru}", 3, 10, "" },
    };

    [Theory]
    [MemberData(nameof(JsonErrors))]
    public void Reports_json_errors_with_line_and_column(string name, string json, int line, int column, string reason)
    {
        var read = () => TemplateReader.Read(json, out _);

        var error = read.Should().Throw<TemplateFormatException>(name).Which;
        (error.Line, error.Column).Should().Be((line, column), name);
        error.Reason.Should().NotContain("LineNumber", name).And.Contain(reason.Length > 0 ? reason : error.Reason);
    }

    [Fact]
    public void Json_keeps_number_text_and_key_order()
    {
        var template = TemplateReader.Read("""{"z": 1.50, "a": 1e3, "m": -0}""", out _);

        template.ToJsonString().Should().Be("""{"z":1.50,"a":1e3,"m":-0}""");
    }
}

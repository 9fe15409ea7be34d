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
        { "trailing comma", "{\n  \"a\": 1,\n}", 3, 1, "a comma before the closing '}': JSON allows no trailing comma; remove it" },
        { "trailing comma in a list", "{\"a\": [1,]}", 1, 10, "a comma before the closing ']': JSON allows no trailing comma; remove it" },
        {
            "comment", "{\n  // no\n  \"a\": 1\n}", 2, 3,
            "a comment: JSON templates cannot have comments; remove it (or write the template in YAML, where # starts one)"
        },
        {
            "duplicate key, located", "{\n  \"Resources\": {},\n  \"Outputs\": {\"A\": 1, \"A\": 2}}", 3, 23,
            "the key \"A\" appears twice in one object; remove or rename one of them"
        },
        { "missing comma", "{\n  \"a\": 1\n  \"b\": 2\n}", 3, 3, "'\"' follows a value without a comma between them; add a ',' (or close the object or list)" },
        {
            "mismatched bracket", "{\"a\": [1, 2}", 1, 12,
            "'}' does not match the bracket it would close: a '[' or '{' is not closed, or this one is of the wrong kind or one too many"
        },
        { "YAML flow mapping is not retried as YAML", "{Resources: {}}", 1, 2, "'R' cannot start a key: keys are text in double quotes, such as \"Resources\"" },
        { "single quotes", "{\"a\": 'b'}", 1, 7, "''' cannot start a value: text needs double quotes, and JSON has no single quotes" },
        {
            "unterminated string", "{\"a\": \"b\n}", 1, 9,
            "a string is not closed before the end of the line (or holds a raw tab or control character; write it as \\n or \\t)"
        },
        {
            "line counted after leading blank lines", "\n\n{\"a\": tru}", 3, 10,
            "'tru}' is not a JSON value: only true, false, null, numbers, \"text\", objects and lists are"
        },
        { "extra closing brace", "{\"a\": 1}}", 1, 9, "text after the template's closing '}' (an extra '}' or ']'?)" },
        { "truncated file", "{\"a\": {\"b\": 1}", 1, 15, "the file ends before every '{' and '[' is closed" },
    };

    [Theory]
    [MemberData(nameof(JsonErrors))]
    public void Reports_json_errors_in_the_authors_words_with_line_and_column(string name, string json, int line, int column, string reason)
    {
        var read = () => TemplateReader.Read(json, out _);

        var error = read.Should().Throw<TemplateFormatException>(name).Which;
        (error.Reason, error.Line, error.Column).Should().Be((reason, line, column), name);
        error.Reason.Should().NotContainAny(["reader options", "LineNumber", "payload", "deserialization"], name);
    }

    [Fact]
    public void Json_keeps_number_text_and_key_order()
    {
        var template = TemplateReader.Read("""{"z": 1.50, "a": 1e3, "m": -0}""", out _);

        template.ToJsonString().Should().Be("""{"z":1.50,"a":1e3,"m":-0}""");
    }
}

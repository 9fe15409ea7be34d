using System.Text.Json.Nodes;
using MacroVersioning.Cli;

namespace MacroVersioning.Tests.Cli;

public sealed class CfnYamlWriterTests
{
    /// <summary>Values that must come back from write-then-read exactly (same JSON text).</summary>
    public static readonly TheoryData<string, string> RoundTrips = new()
    {
        { "plain string", "\"hello\"" },
        { "empty string", "\"\"" },
        { "leading and trailing spaces", "\" lead trail \"" },
        { "colon space", "\"a: b\"" },
        { "hash", "\"#x\"" },
        { "space hash", "\"a #b\"" },
        { "dash", "\"- x\"" },
        { "lone dash", "\"-\"" },
        { "bool words", "[\"yes\", \"No\", \"on\", \"OFF\", \"true\", \"False\", \"y\", \"N\"]" },
        { "null words", "[\"null\", \"~\", \"Null\"]" },
        { "number-like strings", "[\"123\", \"-0\", \"1.50\", \"1e3\", \"0x1F\", \"0755\", \"1_000\", \".5\", \"+1\", \".inf\", \"190:20:30\"]" },
        { "date-like strings", "[\"2010-09-09\", \"2001-12-14 21:59:43.10 -5\"]" },
        { "yaml indicators", "[\"!Ref X\", \"*alias\", \"&anchor\", \"%dir\", \"@at\", \"`tick\", \"{braces}\", \"[list]\", \"<<\", \"=\", \"?\", \"|\", \">\"]" },
        { "quotes", "\"it's \\\"quoted\\\"\"" },
        { "multi-line", "\"line1\\nline2\"" },
        { "multi-line with final newline", "\"line1\\nline2\\n\"" },
        { "multi-line with trailing blank lines", "\"end\\n\\n\\n\"" },
        { "multi-line indented first line", "\"  indented\\nnext\\n\"" },
        { "leading newline", "\"\\nafter\"" },
        { "whitespace-only line", "\"a\\n  \\nb\"" },
        { "trailing spaces on a line", "\"a  \\nb\"" },
        { "carriage returns", "\"a\\r\\nb\"" },
        { "leading tab", "\"\\tx\"" },
        { "trailing tab", "\"x\\t\"" },
        { "inner tab", "\"a\\tb\"" },
        { "tabs in multi-line", "\"\\tfirst\\n\\tsecond\\tx\\n\"" },
        { "tab-indented lines in multi-line", "\"first\\n\\tsecond\\n\"" },
        { "Sub with carriage return", "{\"Fn::Sub\": \"a\\r\\nb\"}" },
        { "control character", "\"a\\u0001b\"" },
        { "unicode", "\"déjà 日本 😀\"" },
        { "long line", $"\"{new string('x', 500)} {new string('y', 500)}\"" },
        { "numbers keep their text", "[128, -0, 1.50, 1e3, 1.5E+10, 123456789012345678901234567890, 0.5]" },
        { "booleans and null", "[true, false, null]" },
        { "empty containers", "{\"o\": {}, \"a\": [], \"n\": [[], {}]}" },
        { "key order", "{\"z\": 1, \"a\": 2, \"m\": {\"y\": 1, \"b\": 2}}" },
        { "odd keys", "{\"yes\": 1, \"123\": 2, \"a: b\": 3, \"\": 4, \"<<\": 5, \"Fn::Sub\": 6, \"x y\": 7}" },
        { "Ref", "{\"Ref\": \"Bucket\"}" },
        { "Ref with a number is long form", "{\"Ref\": 123}" },
        { "Ref with number-like text", "{\"Ref\": \"123\"}" },
        { "Condition", "{\"Condition\": \"IsProd\"}" },
        { "GetAtt list", "{\"Fn::GetAtt\": [\"Func\", \"Arn\"]}" },
        { "GetAtt dotted attribute", "{\"Fn::GetAtt\": [\"Db\", \"Endpoint.Address\"]}" },
        { "GetAtt dotted resource stays a list", "{\"Fn::GetAtt\": [\"A.B\", \"C\"]}" },
        { "GetAtt string form stays a string", "{\"Fn::GetAtt\": \"A.B\"}" },
        { "GetAtt with intrinsic attribute", "{\"Fn::GetAtt\": [\"Func\", {\"Ref\": \"Attr\"}]}" },
        { "GetAtt three items", "{\"Fn::GetAtt\": [\"A\", \"B\", \"C\"]}" },
        { "Sub string", "{\"Fn::Sub\": \"${AWS::StackName}-x: y #z\"}" },
        { "Sub multi-line", "{\"Fn::Sub\": \"#!/bin/bash\\necho ${X}\\n\"}" },
        { "Sub list", "{\"Fn::Sub\": [\"${A}\", {\"A\": {\"Ref\": \"P\"}}]}" },
        { "Transform mapping", "{\"Fn::Transform\": {\"Name\": \"AWS::Include\", \"Parameters\": {\"Location\": \"s3://b/k\"}}}" },
        { "intrinsic with null argument", "{\"Fn::GetAZs\": null}" },
        { "intrinsic with empty string", "{\"Fn::GetAZs\": \"\"}" },
        { "unknown function stays long form", "{\"Fn::Frobnicate\": \"x\"}" },
        { "two keys are not an intrinsic", "{\"Ref\": \"A\", \"Other\": 1}" },
        {
            "nested intrinsics",
            "{\"Fn::If\": [\"C\", {\"Fn::Join\": [\"\", [{\"Ref\": \"A\"}, {\"Fn::GetAtt\": [\"B\", \"Arn\"]}, {\"Fn::Select\": [0, {\"Fn::GetAZs\": \"\"}]}]]}, {\"Ref\": \"AWS::NoValue\"}]}"
        },
    };

    [Theory]
    [MemberData(nameof(RoundTrips))]
    public void Writes_yaml_that_reads_back_to_the_same_json(string name, string valueJson)
    {
        var template = new JsonObject { ["Value"] = JsonNode.Parse(valueJson) };

        var yaml = CfnYamlWriter.Write(template);
        var back = CfnYamlReader.Read(yaml);

        back.ToJsonString().Should().Be(template.ToJsonString(), $"{name}; YAML was:\n{yaml}");
    }

    public static readonly TheoryData<string, string, string> Shapes = new()
    {
        { "Ref short form", """{"Ref": "Bucket"}""", "Value: !Ref Bucket\n" },
        { "GetAtt dotted", """{"Fn::GetAtt": ["Func", "Arn"]}""", "Value: !GetAtt Func.Arn\n" },
        { "GetAtt string form is long form", """{"Fn::GetAtt": "Func.Arn"}""", "Value:\n  Fn::GetAtt: Func.Arn\n" },
        { "Sub plain", """{"Fn::Sub": "${A}-b"}""", "Value: !Sub ${A}-b\n" },
        { "Sub literal block", """{"Fn::Sub": "a\nb\n"}""", "Value: !Sub |\n  a\n  b\n" },
        { "If sequence", """{"Fn::If": ["C", 1, 2]}""", "Value: !If\n  - C\n  - 1\n  - 2\n" },
        { "bool-like string quoted", "\"yes\"", "Value: 'yes'\n" },
        { "date quoted", "\"2010-09-09\"", "Value: '2010-09-09'\n" },
        { "number plain", "1.50", "Value: 1.50\n" },
        { "JSON-only number tagged", "1e3", "Value: !!float 1e3\n" },
        { "literal block", "\"a\\nb\\n\"", "Value: |\n  a\n  b\n" },
        { "indented sequence", """["a", "b"]""", "Value:\n  - a\n  - b\n" },
        { "empty containers flow", """{"a": {}, "b": []}""", "Value:\n  a: {}\n  b: []\n" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Writes_readable_cloudformation_yaml(string name, string valueJson, string expectedYaml)
    {
        var template = new JsonObject { ["Value"] = JsonNode.Parse(valueJson) };

        CfnYamlWriter.Write(template).Should().Be(expectedYaml, name);
    }
}

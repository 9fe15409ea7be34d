using System.Text.Json.Nodes;
using MacroVersioning.Cli;

namespace MacroVersioning.Tests.Cli;

public sealed class TransformSectionTests
{
    public static readonly TheoryData<string, string, string> Restores = new()
    {
        {
            "macro then SAM", """["VersioningMacro", "AWS::Serverless-2016-10-31"]""",
            """{"A":1,"Transform":"AWS::Serverless-2016-10-31","Resources":{}}"""
        },
        {
            "macro entry with parameters", """[{"Name": "VersioningMacro", "Parameters": {"Outputs": false}}, "AWS::Serverless-2016-10-31"]""",
            """{"A":1,"Transform":"AWS::Serverless-2016-10-31","Resources":{}}"""
        },
        { "macro alone", "\"VersioningMacro\"", """{"A":1,"Resources":{}}""" },
        { "macro alone in a list", """["VersioningMacro"]""", """{"A":1,"Resources":{}}""" },
        { "macro entry alone", """{"Name": "VersioningMacro"}""", """{"A":1,"Resources":{}}""" },
        { "other transform only", "\"AWS::Serverless-2016-10-31\"", """{"A":1,"Transform":"AWS::Serverless-2016-10-31","Resources":{}}""" },
        {
            "order of others kept", """["AWS::LanguageExtensions", "VersioningMacro", {"Name": "AWS::Include", "Parameters": {"Location": "s3://b/k"}}]""",
            """{"A":1,"Transform":["AWS::LanguageExtensions",{"Name":"AWS::Include","Parameters":{"Location":"s3://b/k"}}],"Resources":{}}"""
        },
    };

    [Theory]
    [MemberData(nameof(Restores))]
    public void Puts_the_other_transforms_back_in_place(string name, string transformJson, string expected)
    {
        var template = new JsonObject { ["A"] = 1, ["Transform"] = JsonNode.Parse(transformJson), ["Resources"] = new JsonObject() };
        var fragment = new JsonObject { ["A"] = 1, ["Resources"] = new JsonObject() };

        var output = TransformSection.Restore(template, fragment);

        output.ToJsonString().Should().Be(JsonNode.Parse(expected)!.ToJsonString(), name);
    }

    [Fact]
    public void Leaves_a_template_without_transform_alone()
    {
        var fragment = new JsonObject { ["Resources"] = new JsonObject() };

        TransformSection.Restore(new JsonObject { ["Resources"] = new JsonObject() }, fragment).Should().BeSameAs(fragment);
    }

    public static readonly TheoryData<string, string, string> Listing = new()
    {
        { "no transform", "null", "" },
        { "macro by name", "\"VersioningMacro\"", "" },
        { "macro by entry", """[{"Name": "VersioningMacro"}]""", "" },
        { "macro not listed", """["AWS::LanguageExtensions", "AWS::Serverless-2016-10-31"]""", "" },
        { "macro after others", """["AWS::LanguageExtensions", {"Name": "AWS::Include"}, "VersioningMacro", "AWS::Serverless-2016-10-31"]""", "AWS::LanguageExtensions,AWS::Include" },
    };

    [Theory]
    [MemberData(nameof(Listing))]
    public void Names_the_transforms_listed_before_the_macro(string name, string transformJson, string before)
    {
        var template = new JsonObject { ["Transform"] = JsonNode.Parse(transformJson) };

        string.Join(",", TransformSection.ListedBeforeMacro(template)).Should().Be(before, name);
    }
}

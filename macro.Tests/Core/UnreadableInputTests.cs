using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MacroVersioning.Core;
using MacroVersioning.Core.Json;
using MacroVersioning.Tests.Fakes;

namespace MacroVersioning.Tests.Core;

/// <summary>
/// Input that would break a stage walking it: nesting past <see cref="JsonText.MaxDepth"/> (a stack
/// overflow kills the process and cannot be caught), repeated keys and lone surrogates (System.Text.Json
/// throws on first read). The core gets it from any caller, so it must answer with a problem itself.
/// </summary>
public sealed class UnreadableInputTests
{
    private const int Deep = 10_000;

    public static TheoryData<string, string> DeepPlaces() => new()
    {
        { "function property", "Resources.Fn.Properties.Environment" },
        { "unversioned property", "Resources.Fn.Properties.Tags" },
        { "non-function resource", "Resources.Topic.Properties" },
        { "Globals", "Globals.Function.Environment" },
        { "Conditions", "Conditions.IsProd" },
        { "Mappings", "Mappings.Sizes" },
        { "Parameters", "Parameters.Stage" },
        { "Outputs", "Outputs.Out" },
    };

    [Theory]
    [MemberData(nameof(DeepPlaces))]
    public void A_value_nested_10000_deep_is_a_problem_not_a_stack_overflow(string name, string path)
    {
        var fragment = Fragment();
        Place(fragment, path, Nested(Deep));

        var result = Transform.Run(fragment);

        var problem = result.Problems.Should().ContainSingle(because: name).Subject;
        problem.Path.Should().StartWith(path).And.EndWith("…", because: "the path names the property, not all 10,000 levels");
        problem.Message.Should().Be($"nests objects and lists more than {JsonText.MaxDepth} levels deep; VersioningMacro reads values nested up to {JsonText.MaxDepth} levels (no real template comes close): flatten it");
    }

    [Theory]
    [InlineData("templateParameterValues")]
    [InlineData("params")]
    public void Deep_request_values_are_a_problem_too(string where)
    {
        var values = where == "templateParameterValues" ? new JsonObject { ["Stage"] = Nested(Deep) } : [];
        var macroParams = where == "params" ? new JsonObject { ["HashedProperties"] = Nested(Deep) } : [];

        var result = Transform.Run(Fragment(), values, macroParams);

        result.Problems.Should().ContainSingle().Which.Path.Should().StartWith(where == "params" ? MacroTransformer.SettingsPath : "templateParameterValues");
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_versioned()
    {
        var fragment = Fragment();

        // Fragment, Resources, Fn, Properties, Environment, Variables: 6 levels before the value.
        Place(fragment, "Resources.Fn.Properties.Environment", new JsonObject { ["Variables"] = new JsonObject { ["DEEP"] = Nested(JsonText.MaxDepth - 6) } });

        Transform.Run(fragment).Succeeded.Should().BeTrue();
    }

    [Fact]
    public void A_repeated_key_is_a_problem_naming_the_object()
    {
        var fragment = (JsonObject)JsonNode.Parse(
            """{"Resources":{"Fn":{"Type":"AWS::Serverless::Function","Properties":{"CodeUri":"s3://b/k.zip","Handler":"a","Handler":"b"}}}}""",
            documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = true })!;

        var result = Transform.Run(fragment);

        result.Problems.Should().ContainSingle().Which.Should().Be(new Problem("Resources.Fn.Properties", "repeats a property name within one object; JSON object keys must be unique"));
    }

    public static TheoryData<string, string> LoneSurrogates() => new()
    {
        { "parsed string", """{"Resources":{"Fn":{"Type":"AWS::Serverless::Function","Properties":{"CodeUri":"s3://b/k.zip","Handler":"a\ud800"}}}}""" },
        { "parsed key", """{"Resources":{"Fn":{"Type":"AWS::Serverless::Function","Properties":{"CodeUri":"s3://b/k.zip","Handler":"a"},"Metadata":{"k\udc00":1}}}}""" },
    };

    [Theory]
    [MemberData(nameof(LoneSurrogates))]
    public void A_lone_surrogate_is_a_problem_not_an_exception(string name, string json)
    {
        // Parsed as a caller that allows repeated keys would: such a parser leaves names unread until first use.
        var result = Transform.Run((JsonObject)JsonNode.Parse(json)!);

        result.Problems.Should().ContainSingle(because: name).Which.Message.Should().Contain("lone UTF-16 surrogate");
    }

    [Fact]
    public void A_surrogate_encoded_as_raw_bytes_is_a_problem_too()
    {
        // ED A0 80 would be U+D800 written as UTF-8, which is not valid UTF-8; no escape in sight.
        var utf8 = Encoding.UTF8.GetBytes("""{"Resources":{"Fn":{"Type":"AWS::Serverless::Function","Properties":{"CodeUri":"s3://b/k.zip","Handler":"aXYZ"}}}}""");
        var at = utf8.AsSpan().IndexOf("XYZ"u8);
        (utf8[at], utf8[at + 1], utf8[at + 2]) = ((byte)0xED, (byte)0xA0, (byte)0x80);

        var result = Transform.Run((JsonObject)JsonNode.Parse(utf8)!);

        result.Problems.Should().ContainSingle().Which.Path.Should().Be("Resources.Fn.Properties.Handler");
    }

    [Fact]
    public void Escaped_text_including_a_surrogate_pair_is_read()
    {
        var result = Transform.Run((JsonObject)JsonNode.Parse("""{"Resources":{"Fn":{"Type":"AWS::Serverless::Function","Properties":{"CodeUri":"s3://b/k.zip","Handler":"a\"\u00e9\ud83d\ude00"}}}}""")!);

        result.Problems.Should().BeEmpty();
        result.Functions.Should().ContainSingle(f => f.Versioned);
    }

    [Fact]
    public void A_lone_surrogate_built_in_code_is_a_problem_too()
    {
        var fragment = Fragment();
        fragment["Resources"]!["Fn"]!["Properties"]!["Handler"] = "a\ud800b";

        Transform.Run(fragment).Problems.Should().ContainSingle().Which.Path.Should().Be("Resources.Fn.Properties.Handler");
    }

    private static JsonObject Fragment() => Transform.Parse("""
        {
          "Parameters": { "Stage": { "Type": "String" } },
          "Resources": {
            "Fn": { "Type": "AWS::Serverless::Function", "Properties": { "CodeUri": "s3://bucket/app.zip", "Handler": "a.h", "Runtime": "python3.12" } },
            "Topic": { "Type": "AWS::SNS::Topic" }
          }
        }
        """);

    private static JsonNode Nested(int depth)
    {
        JsonNode node = "leaf";
        for (var i = 0; i < depth - 1; i++)
        {
            node = new JsonObject { ["a"] = node };
        }

        return new JsonArray(node);
    }

    private static void Place(JsonObject fragment, string path, JsonNode value)
    {
        var parts = path.Split('.');
        var parent = fragment;
        foreach (var part in parts[..^1])
        {
            parent = parent[part] as JsonObject ?? (JsonObject)(parent[part] = new JsonObject());
        }

        parent[parts[^1]] = value;
    }

}

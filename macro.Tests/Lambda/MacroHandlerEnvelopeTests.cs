using System.Text.Json.Nodes;
using MacroVersioning.Core;
using MacroVersioning.Lambda;

namespace MacroVersioning.Tests.Lambda;

/// <summary>Bad macro request envelopes: each gets a failure naming the field, and the core is never called.</summary>
public sealed class MacroHandlerEnvelopeTests
{
    private const string Shape = "a CloudFormation macro request is a JSON object with requestId, fragment, params and templateParameterValues";
    private const string RequestIdWhat = "the id CloudFormation expects back in the response";
    private const string FragmentWhat = "the template being transformed";
    private const string ParamsWhat = "the Parameters of the template's VersioningMacro Transform entry";
    private const string ValuesWhat = "the template's parameter values";

    public static TheoryData<string, string, string?, string> BadEnvelopes => new()
    {
        { "empty body", string.Empty, null, $"the request body is empty; {Shape}" },
        { "whitespace body", " \n\t ", null, $"the request body is empty; {Shape}" },
        { "not JSON", "Resources: {}", null, "the request body is not valid JSON (line 1, byte 1); a CloudFormation macro request is a JSON object" },
        { "truncated JSON, requestId read before the end", "{\"requestId\": \"r1\",\n  \"fragment\": {", "r1", "the request body is not valid JSON (line 2, byte 16); a CloudFormation macro request is a JSON object" },
        { "text after the object", MacroRequests.Valid() + " {}", "req-1", $"the request body is not valid JSON (line 1, byte {MacroRequests.Valid().Length + 2}); a CloudFormation macro request is a JSON object" },
        { "truncated inside the requestId", "{\"requestId\": \"r1", null, "the request body is not valid JSON (line 1, byte 18); a CloudFormation macro request is a JSON object" },
        { "not JSON, requestId after the error", "{\"fragment\": {Resources: {}}, \"requestId\": \"r1\"}", null, "the request body is not valid JSON (line 1, byte 15); a CloudFormation macro request is a JSON object" },
        { "not JSON, requestId only below the top level", "{\"fragment\": {\"requestId\": \"r1\", Resources: {}}}", null, "the request body is not valid JSON (line 1, byte 34); a CloudFormation macro request is a JSON object" },
        { "not JSON, two different requestIds before the error", "{\"requestId\": \"r1\", \"requestId\": \"r2\", x}", null, "the request body is not valid JSON (line 1, byte 40); a CloudFormation macro request is a JSON object" },
        { "a JSON array", "[]", null, $"the request body is an array; {Shape}" },
        { "a JSON string", "\"hello\"", null, $"the request body is a string; {Shape}" },
        { "JSON null", "null", null, $"the request body is null; {Shape}" },
        { "nested too deep", MacroRequests.Edit(r => r["fragment"]!["Deep"] = Nest(300)), "req-1", "Deep[0][0][0][0][0][0]…: nests objects and arrays more than 256 levels deep; the macro reads templates up to that depth" },
        { "repeated key", MacroRequests.Valid().Replace("\"region\"", "\"accountId\":\"1\",\"region\"", StringComparison.Ordinal), "req-1", "the request body repeats the property name accountId within one object; JSON object keys must be unique" },
        { "repeated requestId, two values", "{\"requestId\":\"r1\",\"requestId\":\"r2\"}", null, "the request body repeats the property name requestId within one object; JSON object keys must be unique" },
        { "repeated requestId, one value", "{\"requestId\":\"r1\",\"requestId\":\"r1\"}", "r1", "the request body repeats the property name requestId within one object; JSON object keys must be unique" },
        { "lone surrogate in a fragment value", MacroRequests.Valid().Replace("2010-09-09", "2010\\ud800", StringComparison.Ordinal), "req-1", "AWSTemplateFormatVersion: is a string with a lone UTF-16 surrogate (an unpaired \\uD800-\\uDFFF escape), which is not text; remove or complete the escape" },
        { "lone surrogate in a key", MacroRequests.Valid().Replace("\"Type\"", "\"Ty\\udc00\"", StringComparison.Ordinal), "req-1", "Resources.Topic: has a property name with a lone UTF-16 surrogate (an unpaired \\uD800-\\uDFFF escape), which is not text: Ty\\udc00" },
        { "requestId missing", MacroRequests.Edit(r => r.Remove("requestId")), null, $"requestId: missing; expected a string: {RequestIdWhat}" },
        { "requestId a number", MacroRequests.Edit(r => r["requestId"] = 42), null, $"requestId: expected a string ({RequestIdWhat}), got a number" },
        { "requestId null", MacroRequests.Edit(r => r["requestId"] = null), null, $"requestId: expected a string ({RequestIdWhat}), got null" },
        { "requestId empty", MacroRequests.Edit(r => r["requestId"] = string.Empty), string.Empty, $"requestId: is empty; expected a non-empty string: {RequestIdWhat}" },
        { "region missing", MacroRequests.Edit(r => r.Remove("region")), "req-1", "region: missing; expected a string: the region of the stack being deployed" },
        { "region an object", MacroRequests.Edit(r => r["region"] = new JsonObject()), "req-1", "region: expected a string (the region of the stack being deployed), got an object" },
        { "accountId a boolean", MacroRequests.Edit(r => r["accountId"] = true), "req-1", "accountId: expected a string (the account of the stack being deployed), got a boolean" },
        { "fragment missing", MacroRequests.Edit(r => r.Remove("fragment")), "req-1", $"fragment: missing; expected an object: {FragmentWhat}" },
        { "fragment null", MacroRequests.Edit(r => r["fragment"] = null), "req-1", $"fragment: expected an object ({FragmentWhat}), got null" },
        { "fragment an array", MacroRequests.Edit(r => r["fragment"] = new JsonArray()), "req-1", $"fragment: expected an object ({FragmentWhat}), got an array" },
        { "fragment a YAML string", MacroRequests.Edit(r => r["fragment"] = "Resources: {}"), "req-1", $"fragment: expected an object ({FragmentWhat}), got a string" },
        {
            "Fn::Transform snippet (no Resources)",
            MacroRequests.Edit(r => r["fragment"] = new JsonObject { ["Runtime"] = "python3.12", ["Handler"] = "index.handler" }),
            "req-1",
            "fragment: has no Resources, so VersioningMacro was called through Fn::Transform on a snippet; it versions whole templates: list it in the template-level Transform, before the SAM transform (Transform: [VersioningMacro, AWS::Serverless-2016-10-31])"
        },
        { "params an array", MacroRequests.Edit(r => r["params"] = new JsonArray("CodeIdentity")), "req-1", $"params: expected an object ({ParamsWhat}), got an array" },
        { "templateParameterValues a string", MacroRequests.Edit(r => r["templateParameterValues"] = "Stage=prod"), "req-1", $"templateParameterValues: expected an object ({ValuesWhat}), got a string" },
        {
            "a parameter value that is an object",
            MacroRequests.Edit(r => r["templateParameterValues"] = new JsonObject { ["Stage"] = new JsonObject { ["Ref"] = "X" } }),
            "req-1",
            "templateParameterValues.Stage: expected a string or a list of strings (the parameter's value), got an object"
        },
        {
            "a list parameter with a nested list",
            MacroRequests.Edit(r => r["templateParameterValues"] = new JsonObject { ["Subnets"] = new JsonArray("a", new JsonArray("b")) }),
            "req-1",
            "templateParameterValues.Subnets: expected a string or a list of strings (the parameter's value), got an array with non-string items"
        },
        {
            "several problems at once",
            MacroRequests.Edit(r =>
            {
                r.Remove("fragment");
                r["params"] = 7;
            }),
            "req-1",
            $"2 problems: fragment: missing; expected an object: {FragmentWhat}; params: expected an object ({ParamsWhat}), got a number"
        },
    };

    [Theory]
    [InlineData("params", "absent")]
    [InlineData("params", "null")]
    [InlineData("templateParameterValues", "absent")]
    [InlineData("templateParameterValues", "null")]
    public async Task AbsentOrNullParamsAndValuesMeanNone(string field, string how)
    {
        var body = MacroRequests.Edit(r =>
        {
            if (how == "null")
            {
                r[field] = null;
            }
            else
            {
                r.Remove(field);
            }
        });

        var response = JsonNode.Parse(await new MacroHandler(_ => new FakeCodeSource(), TransformOptions.Lambda(null), TextWriter.Null).HandleAsync(body, CancellationToken.None))!;

        response["status"]!.GetValue<string>().Should().Be("success", because: response["errorMessage"]?.ToString());
    }

    [Theory]
    [MemberData(nameof(BadEnvelopes))]
    public async Task ABadEnvelopeGetsASpecificFailure(string name, string body, string? expectedRequestId, string expectedMessage)
    {
        var transformCalls = 0;
        var handler = new MacroHandler(_ => new FakeCodeSource(), TransformOptions.Lambda(null), TextWriter.Null, (request, _, _, _) =>
        {
            transformCalls++;
            return Task.FromResult(new TransformResult(request.Fragment, [], []));
        });

        var response = JsonNode.Parse(await handler.HandleAsync(body, CancellationToken.None))!.AsObject();

        response["status"]!.GetValue<string>().Should().Be("failure", name);
        response.ContainsKey("requestId").Should().BeTrue(name);
        var requestId = response["requestId"]?.GetValue<string>();
        requestId.Should().Be(expectedRequestId, name);
        response["errorMessage"]!.GetValue<string>().Should().Be(expectedMessage, name);
        transformCalls.Should().Be(0, name);
    }

    [Fact]
    public async Task AFailureEchoesTheFragmentWhenItIsAnObject()
    {
        var request = MacroRequests.Tree();
        request.Remove("params");
        var handler = new MacroHandler(_ => new FakeCodeSource(), TransformOptions.Lambda(null), TextWriter.Null);

        var response = JsonNode.Parse(await handler.HandleAsync(request.ToJsonString(), CancellationToken.None))!;

        JsonNode.DeepEquals(response["fragment"], request["fragment"]).Should().BeTrue();
    }

    [Fact]
    public async Task AFailureWithoutAUsableFragmentAnswersAnEmptyObject()
    {
        var handler = new MacroHandler(_ => new FakeCodeSource(), TransformOptions.Lambda(null), TextWriter.Null);

        var response = JsonNode.Parse(await handler.HandleAsync(MacroRequests.Edit(r => r["fragment"] = "text"), CancellationToken.None))!;

        JsonNode.DeepEquals(response["fragment"], new JsonObject()).Should().BeTrue();
    }

    private static JsonNode Nest(int depth)
    {
        JsonNode node = "bottom";
        for (var i = 0; i < depth; i++)
        {
            node = new JsonArray(node);
        }

        return node;
    }
}

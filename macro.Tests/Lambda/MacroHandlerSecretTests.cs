using System.Text.Json.Nodes;
using MacroVersioning.Core;
using MacroVersioning.Lambda;

namespace MacroVersioning.Tests.Lambda;

/// <summary>A planted NoEcho value must not leave the handler, even if the core quotes it by mistake.</summary>
public sealed class MacroHandlerSecretTests
{
    private const string Secret = "Planted-NoEcho-Value-3b9d";

    public static TheoryData<string, JsonNode> NoEchoDeclarations => new()
    {
        { "NoEcho true", true },
        { "NoEcho \"true\"", "true" },
        { "NoEcho \"True\"", "True" },
    };

    [Theory]
    [MemberData(nameof(NoEchoDeclarations))]
    public async Task ACoreMessageQuotingTheSecretIsMaskedInTheResponseAndTheLog(string name, JsonNode noEcho)
    {
        var log = new StringWriter();
        var handler = new MacroHandler(_ => new FakeCodeSource(), TransformOptions.Lambda(null), log, (r, _, _, _) =>
            Task.FromResult(TransformResult.Failure(
            [
                new Problem($"Resources.Fn.Properties.Environment.Variables.{Secret}", $"value '{Secret}' is not allowed"),
            ])));

        var text = await handler.HandleAsync(RequestWithSecret(noEcho), CancellationToken.None);

        text.Should().NotContain(Secret, name);
        log.ToString().Should().NotContain(Secret, name);
        JsonNode.Parse(text)!["errorMessage"]!.GetValue<string>().Should().Be(
            "Resources.Fn.Properties.Environment.Variables.****: value '****' is not allowed", name);
    }

    [Fact]
    public async Task TheSecretIsNeitherInTheResponseNorTheLogOfARealTransform()
    {
        var log = new StringWriter();
        var handler = new MacroHandler(_ => new FakeCodeSource(), TransformOptions.Lambda([9, 9, 9]), log);

        var request = JsonNode.Parse(RequestWithSecret(true))!.AsObject();
        request["params"] = new JsonObject { ["CodeIdentity"] = "location" };
        request["fragment"]!["Resources"]!["Fn"] = JsonNode.Parse("""
            {
              "Type": "AWS::Lambda::Function",
              "Properties": {
                "Runtime": "python3.12",
                "Handler": "index.handler",
                "Role": "arn:aws:iam::123456789012:role/fn",
                "Code": { "S3Bucket": "code-bucket", "S3Key": "fn.zip" },
                "Environment": { "Variables": { "DB_PASSWORD": { "Ref": "DbPassword" } } }
              }
            }
            """);

        var text = await handler.HandleAsync(request.ToJsonString(), CancellationToken.None);

        JsonNode.Parse(text)!["status"]!.GetValue<string>().Should().Be("success");
        text.Should().NotContain(Secret);
        log.ToString().Should().NotContain(Secret);
    }

    [Fact]
    public async Task AnEnvelopeFailureStillMasksTheSecret()
    {
        var request = JsonNode.Parse(RequestWithSecret(true))!.AsObject();
        request["requestId"] = Secret;
        var log = new StringWriter();
        var handler = new MacroHandler(_ => new FakeCodeSource(), TransformOptions.Lambda(null), log);

        request["params"] = "not an object";
        var text = await handler.HandleAsync(request.ToJsonString(), CancellationToken.None);

        JsonNode.Parse(text)!["status"]!.GetValue<string>().Should().Be("failure");
        log.ToString().Should().NotContain(Secret).And.Contain("\"requestId\":\"****\"");
    }

    [Fact]
    public async Task TheSecretIsMaskedBeforeALongMessageIsShortened()
    {
        // The secret straddles the cut at MaxProblemChars: cutting first would leave its first half behind.
        var prefix = new string('.', MacroResponse.MaxProblemChars - 10);
        var handler = new MacroHandler(_ => new FakeCodeSource(), TransformOptions.Lambda(null), TextWriter.Null, (_, _, _, _) =>
            Task.FromResult(TransformResult.Failure([new Problem(string.Empty, prefix + Secret + " and more")])));

        var text = await handler.HandleAsync(RequestWithSecret(true), CancellationToken.None);

        text.Should().NotContain(Secret[..9]);
    }

    private static string RequestWithSecret(JsonNode noEcho) => MacroRequests.Edit(r =>
    {
        r["fragment"]!["Parameters"] = new JsonObject
        {
            ["DbPassword"] = new JsonObject { ["Type"] = "String", ["NoEcho"] = noEcho.DeepClone() },
        };
        r["templateParameterValues"] = new JsonObject { ["DbPassword"] = Secret };
    });
}

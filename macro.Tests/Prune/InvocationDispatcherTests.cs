using MacroVersioning.Core.Pruning;
using System.Text.Json.Nodes;
using MacroVersioning.Core;
using MacroVersioning.Lambda;
using MacroVersioning.Lambda.Prune;
using MacroVersioning.Tests.Lambda;

namespace MacroVersioning.Tests.Prune;

/// <summary>
/// One runtime loop, two kinds of event: a custom-resource event goes to the prune handler, a macro request to
/// the macro handler (with the invoked function's unqualified ARN as the prune resources' ServiceToken), and
/// whatever is neither is answered, never thrown.
/// </summary>
public sealed class InvocationDispatcherTests : IAsyncLifetime
{
    private const string InvokedArn = "arn:aws:lambda:eu-west-1:123456789012:function:VersioningMacro";

    private readonly FakeVersionPruner pruner = new();
    private readonly StringWriter log = new() { NewLine = "\n" };
    private ResponseUrlStandIn server = null!;

    public Task InitializeAsync()
    {
        server = ResponseUrlStandIn.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private Task<string> DispatchAsync(string body, string? functionArn = InvokedArn) =>
        LambdaEntryPoint.CreateHandler(_ => null, log, _ => pruner)(body, new InvocationContext("inv-1", functionArn, null), CancellationToken.None);

    private static string MacroRequestWithKeepVersions() => MacroRequests.Edit(r =>
    {
        r["params"] = new JsonObject { ["KeepVersions"] = 2 };
        r["fragment"]!["Resources"]!["Fn"] = JsonNode.Parse("""{"Type":"AWS::Lambda::Function","Properties":{"Code":{"ZipFile":"def h(e, c): pass"},"Handler":"index.h","Runtime":"python3.12","Role":"arn:aws:iam::123456789012:role/r"}}""");
    });

    [Theory]
    [InlineData(InvokedArn)]
    [InlineData(InvokedArn + ":7")]
    [InlineData(InvokedArn + ":live")]
    public async Task A_macro_request_is_transformed_with_the_unqualified_invoked_arn_as_service_token(string invokedArn)
    {
        var response = JsonNode.Parse(await DispatchAsync(MacroRequestWithKeepVersions(), invokedArn))!;

        response["status"]!.GetValue<string>().Should().Be("success");
        response["fragment"]!["Resources"]!["FnVersionPrune"]!["Properties"]!["ServiceToken"]!.GetValue<string>().Should().Be(InvokedArn);
        server.Received().Should().BeEmpty();
        pruner.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Without_an_invoked_arn_the_service_token_is_the_default_the_macro_template_deploys()
    {
        var response = JsonNode.Parse(await DispatchAsync(MacroRequestWithKeepVersions(), functionArn: null))!;

        response["fragment"]!["Resources"]!["FnVersionPrune"]!["Properties"]!["ServiceToken"]!.ToJsonString().Should().Contain("Fn::Sub");
    }

    [Fact]
    public async Task A_custom_resource_event_is_served_by_the_pruner_and_answered_on_its_response_url()
    {
        var result = JsonNode.Parse(await DispatchAsync(CustomResourceEvents.Create(server.ResponseUrl).ToJsonString()))!;

        pruner.Requests.Should().ContainSingle();
        result["answered"]!.GetValue<bool>().Should().BeTrue();
        JsonNode.Parse(server.Received().Single().Body)!["Status"]!.GetValue<string>().Should().Be("SUCCESS");
    }

    [Fact]
    public async Task A_macro_request_that_mentions_RequestType_inside_its_fragment_is_still_a_macro_request()
    {
        var body = MacroRequests.Edit(r => r["fragment"]!["Metadata"] = new JsonObject { ["RequestType"] = "Create", ["ResponseURL"] = server.ResponseUrl.OriginalString });

        var response = JsonNode.Parse(await DispatchAsync(body))!;

        response["status"]!.GetValue<string>().Should().Be("success");
        server.Received().Should().BeEmpty();
    }

    public static TheoryData<string, string> Malformed() => new()
    {
        { "", "macro" },
        { "null", "macro" },
        { "42", "macro" },
        { "[]", "macro" },
        { "{", "macro" },
        { "{\"neither\":true}", "macro" },
        { "{\"RequestType\":\"Create\"}", "custom resource" },
        { "{\"ResponseURL\":null,\"RequestType\":\"Delete\",\"StackId\":{}}", "custom resource" },
        { "{\"RequestType\":[1,2", "custom resource" },
        { "{\"fragment\":{},\"RequestType\":\"Create\"}", "macro" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Malformed_events_are_answered_never_thrown(string body, string routedTo)
    {
        var answer = JsonNode.Parse(await DispatchAsync(body))!;

        if (routedTo == "macro")
        {
            answer["status"]!.GetValue<string>().Should().Be("failure");
            answer["errorMessage"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        }
        else
        {
            answer["answered"]!.GetValue<bool>().Should().BeFalse();
        }

        pruner.Requests.Should().BeEmpty();
        InvocationDispatcher.IsCustomResourceEvent(body).Should().Be(routedTo == "custom resource");
    }

    [Fact]
    public void The_prune_handler_production_default_is_the_Lambda_API_pruner()
    {
        LambdaEntryPoint.CreatePruner("us-east-1", endpoint: null).Should().BeOfType<VersionPruner>();
        TransformOptions.Lambda(null).ServiceToken.Should().BeNull();
    }
}

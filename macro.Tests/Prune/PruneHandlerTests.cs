using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using MacroVersioning.Core.Pruning;
using MacroVersioning.Lambda;
using MacroVersioning.Lambda.Prune;

namespace MacroVersioning.Tests.Prune;

/// <summary>
/// The custom-resource protocol against a stand-in ResponseURL on 127.0.0.1: one PUT of the documented JSON with
/// an empty content type, retried, always SUCCESS, a stable PhysicalResourceId, and the pruner asked the right
/// thing (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-responses.html).
/// </summary>
public sealed class PruneHandlerTests : IAsyncLifetime
{
    private static readonly ResponseUrlRetry FastRetry = new(4, TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(2));

    private readonly FakeVersionPruner pruner = new();
    private readonly StringWriter log = new() { NewLine = "\n" };
    private readonly List<string> regions = [];
    private ResponseUrlStandIn server = null!;

    public Task InitializeAsync()
    {
        server = ResponseUrlStandIn.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private PruneHandler Handler(ResponseUrlRetry? retry = null) =>
        new(region =>
        {
            regions.Add(region);
            return pruner;
        }, new ResponseUrlClient(ResponseUrlClient.CreateHttpClient(), retry ?? FastRetry), log);

    private async Task<JsonObject> PutBodyAsync(JsonObject request, InvocationContext? context = null)
    {
        await Handler().HandleAsync(request.ToJsonString(), context ?? new InvocationContext("inv-1", null, null), CancellationToken.None);
        return JsonNode.Parse(server.Received().Last().Body)!.AsObject();
    }

    [Fact]
    public async Task Create_prunes_and_puts_the_documented_json_with_an_empty_content_type_to_the_presigned_url()
    {
        var response = await PutBodyAsync(CustomResourceEvents.Create(server.ResponseUrl));

        var put = server.Received().Should().ContainSingle().Subject;
        put.Method.Should().Be("PUT");
        put.Path.Should().Be(ResponseUrlStandIn.PresignedPath, "the signed path and query must arrive exactly as CloudFormation escaped them");
        put.Headers.Should().NotContainKey("content-type", "the presigned URL was signed for an empty content type");
        pruner.Requests.Should().ContainSingle().Which.Should().Be(
            new PruneRequest("app-Fn-1ABC", 3, "arn:aws:lambda:us-east-1:123456789012:function:app-Fn-1ABC:7", null, DryRun: false));
        regions.Should().Equal("us-east-1");
        response.Select(p => p.Key).Should().Equal("Status", "Reason", "PhysicalResourceId", "StackId", "RequestId", "LogicalResourceId", "Data");
        response["Status"]!.GetValue<string>().Should().Be("SUCCESS");
        response["StackId"]!.GetValue<string>().Should().Be(CustomResourceEvents.StackId);
        response["RequestId"]!.GetValue<string>().Should().Be("5d478078-13e9-baf0-464a-7ef285ecc786");
        response["LogicalResourceId"]!.GetValue<string>().Should().Be("FnVersionPrune");
        response["PhysicalResourceId"]!.GetValue<string>().Should().MatchRegex("^FnVersionPrune-[0-9a-f]{16}$");
        response["Data"]!.ToJsonString().Should().Be("""{"Deleted":"1, 2","Kept":"5 (newest 3), 3 (alias live)","Failed":"","DeletedCount":"2"}""");
        response["Reason"]!.GetValue<string>().Should().Be("app-Fn-1ABC: deleted 2, kept 2, failed 0 (KeepVersions 3)");
    }

    [Fact]
    public async Task The_physical_id_of_a_create_is_derived_from_the_stack_and_logical_id_so_a_retried_create_answers_the_same()
    {
        var first = await PutBodyAsync(CustomResourceEvents.Create(server.ResponseUrl));
        var again = await PutBodyAsync(CustomResourceEvents.Create(server.ResponseUrl));
        var otherStack = CustomResourceEvents.Create(server.ResponseUrl);
        otherStack["StackId"] = CustomResourceEvents.StackId.Replace("/app/", "/other/", StringComparison.Ordinal);

        var third = await PutBodyAsync(otherStack);

        again["PhysicalResourceId"]!.GetValue<string>().Should().Be(first["PhysicalResourceId"]!.GetValue<string>());
        third["PhysicalResourceId"]!.GetValue<string>().Should().NotBe(first["PhysicalResourceId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_keeps_the_previous_version_and_echoes_the_physical_id()
    {
        var response = await PutBodyAsync(CustomResourceEvents.Update(server.ResponseUrl));

        pruner.Requests.Single().PreviousVersion.Should().Be("arn:aws:lambda:us-east-1:123456789012:function:app-Fn-1ABC:6");
        pruner.Requests.Single().AddedVersion.Should().EndWith(":7");
        response["PhysicalResourceId"]!.GetValue<string>().Should().Be("FnVersionPrune-0011223344556677", "a different id would make CloudFormation delete the old resource");
    }

    [Fact]
    public async Task Delete_deletes_nothing_and_answers_success_with_the_same_physical_id()
    {
        var response = await PutBodyAsync(CustomResourceEvents.Delete(server.ResponseUrl));

        pruner.Requests.Should().BeEmpty();
        response["Status"]!.GetValue<string>().Should().Be("SUCCESS");
        response["PhysicalResourceId"]!.GetValue<string>().Should().Be("FnVersionPrune-0011223344556677");
        response["Reason"]!.GetValue<string>().Should().StartWith("Delete: nothing deleted");
        response.ContainsKey("Data").Should().BeFalse();
    }

    [Fact]
    public async Task A_failed_put_is_retried_until_it_is_accepted()
    {
        server.AnswerNextWith(HttpStatusCode.InternalServerError);
        server.AnswerNextWith(HttpStatusCode.ServiceUnavailable);

        var result = JsonNode.Parse(await Handler().HandleAsync(CustomResourceEvents.Create(server.ResponseUrl).ToJsonString(), new InvocationContext("inv-1", null, null), CancellationToken.None))!;

        var puts = server.Received();
        puts.Should().HaveCount(3);
        puts.Select(p => p.Body).Distinct().Should().ContainSingle("every attempt sends the same response");
        result["answered"]!.GetValue<bool>().Should().BeTrue();
        JsonNode.Parse(log.ToString())!["attempts"]!.GetValue<int>().Should().Be(3);
    }

    [Fact]
    public async Task A_url_that_never_accepts_is_given_up_within_the_deadline_without_a_throw()
    {
        server.AlwaysAnswer = HttpStatusCode.Forbidden;
        var deadline = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 3000;
        var clock = Stopwatch.StartNew();

        var result = JsonNode.Parse(await Handler(new ResponseUrlRetry(50, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1)))
            .HandleAsync(CustomResourceEvents.Create(server.ResponseUrl).ToJsonString(), new InvocationContext("inv-1", null, deadline), CancellationToken.None))!;

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(3));
        result["answered"]!.GetValue<bool>().Should().BeFalse();
        JsonNode.Parse(log.ToString())!["responseError"]!.GetValue<string>().Should().Be("HTTP 403");
    }

    public static TheoryData<string, string?, string> BadProperties() => new()
    {
        { "KeepVersions", "three", "KeepVersions must be a whole number of at least 1, not \"three\"" },
        { "KeepVersions", "0", "KeepVersions must be a whole number of at least 1, not \"0\"" },
        { "KeepVersions", null, "KeepVersions must be a whole number of at least 1, not missing" },
        { "FunctionName", null, "FunctionName is missing or empty" },
        { "FunctionName", "", "FunctionName is missing or empty" },
    };

    [Theory]
    [MemberData(nameof(BadProperties))]
    public async Task Invalid_properties_still_answer_success_saying_what_was_wrong_and_delete_nothing(string property, string? value, string reason)
    {
        var request = CustomResourceEvents.Create(server.ResponseUrl);
        request["ResourceProperties"]![property] = value;
        if (value is null)
        {
            request["ResourceProperties"]!.AsObject().Remove(property);
        }

        var response = await PutBodyAsync(request);

        pruner.Requests.Should().BeEmpty();
        response["Status"]!.GetValue<string>().Should().Be("SUCCESS");
        response["Reason"]!.GetValue<string>().Should().Be($"invalid properties: {reason}; nothing deleted");
    }

    public static TheoryData<string, string?, string> Unserved() => new()
    {
        { "ResourceType", "Custom::SomethingElse", "ResourceType Custom::SomethingElse is not Custom::VersioningMacroPrune: nothing done" },
        { "RequestType", "Rollback", "RequestType Rollback is not Create, Update or Delete: nothing done" },
        { "RequestType", null, "RequestType (missing) is not Create, Update or Delete: nothing done" },
    };

    [Theory]
    [MemberData(nameof(Unserved))]
    public async Task Requests_it_does_not_serve_are_answered_success_and_do_nothing(string field, string? value, string reason)
    {
        var request = CustomResourceEvents.Create(server.ResponseUrl);
        request[field] = value;

        var response = await PutBodyAsync(request);

        pruner.Requests.Should().BeEmpty();
        response["Status"]!.GetValue<string>().Should().Be("SUCCESS");
        response["Reason"]!.GetValue<string>().Should().Be(reason);
    }

    [Fact]
    public async Task A_stalled_pruner_is_abandoned_before_the_deadline_and_success_still_arrives_in_time()
    {
        pruner.Stall = true;
        var deadline = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 3000;
        using var loopToken = new CancellationTokenSource(InvocationDeadline.Budget(deadline, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())!.Value);

        await Handler().HandleAsync(CustomResourceEvents.Create(server.ResponseUrl).ToJsonString(), new InvocationContext("inv-1", null, deadline), loopToken.Token);

        var answeredAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        answeredAt.Should().BeLessThan(deadline, "the response must reach CloudFormation before Lambda stops the function");
        var response = JsonNode.Parse(server.Received().Single().Body)!;
        response["Status"]!.GetValue<string>().Should().Be("SUCCESS");
        response["Reason"]!.GetValue<string>().Should().Contain("pruning stopped at the macro's deadline");
        JsonNode.Parse(log.ToString())!["failure"]!.GetValue<string>().Should().Be("timeout");
    }

    [Fact]
    public async Task A_pruner_that_throws_still_gives_success()
    {
        pruner.Throw = new InvalidOperationException("bug in the pruner");

        var response = await PutBodyAsync(CustomResourceEvents.Create(server.ResponseUrl));

        response["Status"]!.GetValue<string>().Should().Be("SUCCESS");
        response["Reason"]!.GetValue<string>().Should().Contain("internal error (InvalidOperationException)");
    }

    [Fact]
    public async Task A_long_outcome_is_cut_to_the_4096_byte_limit_saying_how_many_were_left_out()
    {
        pruner.Outcome = new PruneOutcome(
            [.. Enumerable.Range(1, 600).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            [.. Enumerable.Range(601, 300).Select(i => new PrunedVersionNote(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "event source mapping " + new string('x', 40)))],
            [.. Enumerable.Range(901, 100).Select(i => new PrunedVersionNote(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "ResourceConflictException: in use"))]);

        await Handler().HandleAsync(CustomResourceEvents.Create(server.ResponseUrl).ToJsonString(), new InvocationContext("inv-1", null, null), CancellationToken.None);

        var body = server.Received().Single().Body;
        Encoding.UTF8.GetByteCount(body).Should().BeLessThanOrEqualTo(4096);
        var data = JsonNode.Parse(body)!["Data"]!;
        data["Deleted"]!.GetValue<string>().Should().StartWith("1, 2, 3").And.MatchRegex(@"\.\.\. [0-9]+ more$");
        data["Kept"]!.GetValue<string>().Should().MatchRegex(@"\.\.\. [0-9]+ more$");
        data["DeletedCount"]!.GetValue<string>().Should().Be("600");
        JsonNode.Parse(log.ToString())!["deleted"]!.AsArray().Should().HaveCount(600, "the log line keeps the whole list");
    }

    [Fact]
    public async Task One_json_log_line_says_what_was_deleted_and_kept_and_never_the_signed_url()
    {
        await Handler().HandleAsync(CustomResourceEvents.Update(server.ResponseUrl).ToJsonString(), new InvocationContext("inv-9", null, null), CancellationToken.None);

        var lines = log.ToString().TrimEnd('\n').Split('\n');
        lines.Should().ContainSingle();
        var line = JsonNode.Parse(lines[0])!;
        line["requestId"]!.GetValue<string>().Should().Be("inv-9");
        line["customResource"]!.GetValue<string>().Should().Be("Update");
        line["function"]!.GetValue<string>().Should().Be("app-Fn-1ABC");
        line["keepVersions"]!.GetValue<int>().Should().Be(3);
        line["deleted"]!.ToJsonString().Should().Be("""["1","2"]""");
        line["kept"]!.ToJsonString().Should().Be("""[{"version":"5","reason":"newest 3"},{"version":"3","reason":"alias live"}]""");
        line["answered"]!.GetValue<bool>().Should().BeTrue();
        lines[0].Should().NotContain("Signature").And.NotContain("AKIA");
    }

    public static TheoryData<string> Unanswerable() =>
    [
        """{"RequestType":"Create","StackId":"x","LogicalResourceId":"FnVersionPrune"}""",
        """{"RequestType":"Create","ResponseURL":"not a url"}""",
        """{"RequestType":"Create","ResponseURL":"ftp://example.com/x"}""",
        """{"RequestType":"Create","ResponseURL":42}""",
        "[1,2]",
        "{",
    ];

    [Theory]
    [MemberData(nameof(Unanswerable))]
    public async Task An_event_with_no_response_url_is_answered_to_the_runtime_and_logged_never_thrown(string body)
    {
        var result = JsonNode.Parse(await Handler().HandleAsync(body, new InvocationContext("inv-1", null, null), CancellationToken.None))!;

        result["answered"]!.GetValue<bool>().Should().BeFalse();
        pruner.Requests.Should().BeEmpty();
        JsonNode.Parse(log.ToString())!["answered"]!.GetValue<bool>().Should().BeFalse();
    }
}

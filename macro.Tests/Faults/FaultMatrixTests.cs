using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MacroVersioning.Code;
using MacroVersioning.Core;
using MacroVersioning.Lambda;
using MacroVersioning.Tests.Lambda;
using MacroVersioning.Tests.S3;

namespace MacroVersioning.Tests.Faults;

/// <summary>
/// Faults injected end to end: the real runtime loop, the real handler and the real S3 content
/// source, against a runtime API stand-in and an S3 stand-in on 127.0.0.1. For every row the first
/// invocation gets a clear failure naming the function and the object before its deadline, or its
/// error on the runtime API's error endpoint, and the next invocation on the same loop, reading S3
/// through the same client, succeeds.
/// </summary>
[Collection(DeadlineCollection.Name)]
public sealed class FaultMatrixTests
{
    private const string Function = "Resources.Fn.Properties.CodeUri";

    /// <summary>Long enough that only a stalled row ever meets it.</summary>
    private const int Roomy = 10_000;

    /// <summary>Short, so a stalled row costs the test run about this much.</summary>
    private const int Tight = 3_000;

    private static readonly byte[] GoodBytes = DeterministicBytes.Array(50_000, 22);

    /// <summary>The Lambda's read settings with one retry, so retried faults stay quick.</summary>
    private static readonly S3ReadOptions Options = S3ReadOptions.Default with { MaxErrorRetry = 1 };

    private static readonly RuntimeLoopOptions FastRetries = new(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(10), 3);

    private static readonly Dictionary<string, FaultRow> Matrix = new()
    {
        ["S3 HEAD 500"] = new(new S3Fault(S3FaultKind.Status, 500, "InternalError"), null, Roomy, FaultOutcome.Failure, "S3 failed with InternalServerError (HTTP 500) through 1 retries"),
        ["S3 HEAD 503"] = new(new S3Fault(S3FaultKind.Status, 503, "SlowDown"), null, Roomy, FaultOutcome.Failure, "S3 throttled the read (ServiceUnavailable)"),
        ["S3 GET 500 InternalError"] = new(new S3Fault(S3FaultKind.GetStatus, 500, "InternalError"), null, Roomy, FaultOutcome.Failure, "S3 failed with InternalError (HTTP 500)"),
        ["S3 GET 503 SlowDown"] = new(new S3Fault(S3FaultKind.GetStatus, 503, "SlowDown"), null, Roomy, FaultOutcome.Failure, "S3 throttled the read (SlowDown)"),
        ["S3 AccessDenied"] = new(new S3Fault(S3FaultKind.Status, 403, "AccessDenied"), null, Roomy, FaultOutcome.Failure, "access denied (AccessDenied)"),
        ["S3 NoSuchKey"] = new(new S3Fault(S3FaultKind.Status, 404, "NoSuchKey"), null, Roomy, FaultOutcome.Failure, "bucket code has no object bad.zip (NoSuchKey)"),
        ["S3 connection reset mid-body"] = new(new S3Fault(S3FaultKind.ResetMidBody), null, Roomy, FaultOutcome.Failure, "of 100000 bytes (truncated response)"),
        ["S3 connection closed mid-body"] = new(new S3Fault(S3FaultKind.CloseMidBody), null, Roomy, FaultOutcome.Failure, "of 100000 bytes (truncated response)"),
        ["S3 body shorter than the HEAD's size"] = new(new S3Fault(S3FaultKind.Body, HeadLength: 150_000), null, Roomy, FaultOutcome.Failure, "the body ended after 100000 of 150000 bytes (truncated response)"),
        ["S3 body longer than the HEAD's size"] = new(new S3Fault(S3FaultKind.Body, HeadLength: 50_000), null, Roomy, FaultOutcome.Failure, "the body ran past the object's length of 50000 bytes"),
        ["S3 body not matching its MD5 ETag"] = new(new S3Fault(S3FaultKind.Body, ETagOfOtherBytes: true), null, Roomy, FaultOutcome.Failure, "the body did not match the object's ETag (MD5)"),
        ["S3 stalls mid-body until the deadline"] = new(new S3Fault(S3FaultKind.StallMidBody), null, Tight, FaultOutcome.Failure, "reading stopped because the macro ran out of time"),
        ["S3 silent: the deadline arrives during the read"] = new(new S3Fault(S3FaultKind.Silent), null, Tight, FaultOutcome.Failure, "reading stopped because the macro ran out of time"),
        ["deadline already passed at the start"] = new(new S3Fault(S3FaultKind.Silent), null, -1_000, FaultOutcome.Failure, "reading stopped because the macro ran out of time"),
        ["runtime next answers 500"] = new(null, api => api.FailNext(NextFault.Status500), Roomy, FaultOutcome.Success),
        ["runtime next connection reset"] = new(null, api => api.FailNext(NextFault.ConnectionReset), Roomy, FaultOutcome.Success),
        ["runtime response post connection reset"] = new(null, api => api.ResetNextResponse(), Roomy, FaultOutcome.ErrorEndpoint),
        ["runtime response post rejected 413"] = new(null, api => api.AnswerNextResponseWith(HttpStatusCode.RequestEntityTooLarge), Roomy, FaultOutcome.ErrorEndpoint),
        ["runtime response post rejected 400"] = new(null, api => api.AnswerNextResponseWith(HttpStatusCode.BadRequest), Roomy, FaultOutcome.ErrorEndpoint),
        ["runtime response post rejected 500"] = new(null, api => api.AnswerNextResponseWith(HttpStatusCode.InternalServerError), Roomy, FaultOutcome.ErrorEndpoint),
    };

    public static TheoryData<string> Rows => [.. Matrix.Keys];

    /// <summary>The count docs/robustness.md reports.</summary>
    [Fact]
    public void The_matrix_injects_twenty_faults() => Matrix.Should().HaveCount(20);

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task The_fault_gets_a_clear_answer_in_time_and_the_next_invocation_works(string name)
    {
        var row = Matrix[name];
        await using var s3 = FaultyS3Server.Start(GoodBytes, row.S3 ?? new S3Fault(S3FaultKind.Silent));
        await using var api = RuntimeApiStandIn.Start();
        row.Runtime?.Invoke(api);
        var source = TestSources.For(s3.Endpoint, Options, new S3DigestCache());
        var handler = new MacroHandler(_ => new CodeIdentityRouter(source, new LocalCodeDigester()), TransformOptions.Lambda(null), TextWriter.Null);
        var deadline = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + row.DeadlineMs;
        api.Enqueue("inv-1", Request("cfn-1", row.S3 is null ? FaultyS3Server.GoodKey : FaultyS3Server.BadKey), deadline);
        api.Enqueue("inv-2", Request("cfn-2", FaultyS3Server.GoodKey), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + Roomy);

        using var http = RuntimeApiClient.CreateHttpClient(api.Address);
        var loop = new RuntimeLoop(new RuntimeApiClient(http, TimeSpan.FromSeconds(10)), TextWriter.Null, FastRetries);
        using var stop = new CancellationTokenSource();
        var running = loop.RunAsync(() => (body, _, token) => handler.HandleAsync(body, token), stop.Token);
        var first = await api.WaitForPostsAsync(row.Expect == FaultOutcome.ErrorEndpoint ? 2 : 1);
        var answeredBy = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var next = (await api.WaitForPostsAsync(1)).Single();
        await stop.CancelAsync();
        (await running.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be(0, name);

        if (row.DeadlineMs > 0)
        {
            answeredBy.Should().BeLessThan(deadline, $"{name}: the answer must arrive before Lambda's deadline");
        }

        switch (row.Expect)
        {
            case FaultOutcome.Failure:
                // Past its deadline the macro does not even start reading.
                (s3.BadRequests > 0).Should().Be(row.DeadlineMs > 0, $"{name}: the fault must have been met");
                var failure = Response(first.Single(), "inv-1", "cfn-1", "failure", name);
                failure["errorMessage"]!.GetValue<string>().Should().ContainAll([$"{Function}: s3://code/bad.zip: ", row.Cause], name);
                JsonNode.DeepEquals(failure["fragment"], JsonNode.Parse(Request("cfn-1", FaultyS3Server.BadKey))!["fragment"]).Should().BeTrue($"{name}: a failure echoes the template unchanged, never half-changed");
                break;
            case FaultOutcome.Success:
                IsGoodVersion(Response(first.Single(), "inv-1", "cfn-1", "success", name), name);
                break;
            default:
                first.Select(p => (p.Kind, p.RequestId, p.ErrorType)).Should().Equal(
                    [(PostKind.Response, "inv-1", null), (PostKind.InvocationError, "inv-1", "Runtime.ResponseNotDelivered")], name);
                break;
        }

        IsGoodVersion(Response(next, "inv-2", "cfn-2", "success", name), name);
    }

    private static JsonObject Response(PostedToRuntime post, string invocation, string requestId, string status, string name)
    {
        post.Kind.Should().Be(PostKind.Response, name);
        post.RequestId.Should().Be(invocation, name);
        var response = JsonNode.Parse(post.Body)!.AsObject();
        response["requestId"]!.GetValue<string>().Should().Be(requestId, name);
        response["status"]!.GetValue<string>().Should().Be(status, name);
        return response;
    }

    /// <summary>The good object was really read: its SHA-256 is the version's CodeSha256.</summary>
    private static void IsGoodVersion(JsonObject response, string name)
    {
        var versions = response["fragment"]!["Resources"]!.AsObject()
            .Where(r => r.Value!["Type"]!.GetValue<string>() == "AWS::Lambda::Version")
            .ToList();
        versions.Should().ContainSingle(name).Which.Value!["Properties"]!["CodeSha256"]!.GetValue<string>()
            .Should().Be(Convert.ToBase64String(SHA256.HashData(GoodBytes)), name);
    }

    private static string Request(string requestId, string key) => new JsonObject
    {
        ["region"] = TestSources.Region,
        ["accountId"] = "123456789012",
        ["transformId"] = "123456789012::VersioningMacro",
        ["requestId"] = requestId,
        ["params"] = new JsonObject(),
        ["templateParameterValues"] = new JsonObject(),
        ["fragment"] = new JsonObject
        {
            ["Resources"] = new JsonObject
            {
                ["Fn"] = new JsonObject
                {
                    ["Type"] = "AWS::Serverless::Function",
                    ["Properties"] = new JsonObject
                    {
                        ["CodeUri"] = $"s3://{FaultyS3Server.Bucket}/{key}",
                        ["Handler"] = "app.handler",
                        ["Runtime"] = "python3.12",
                    },
                },
            },
        },
    }.ToJsonString();
}

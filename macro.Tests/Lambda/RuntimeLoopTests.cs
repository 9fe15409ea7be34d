using System.Net;
using System.Text.Json.Nodes;
using MacroVersioning.Core;
using MacroVersioning.Lambda;

namespace MacroVersioning.Tests.Lambda;

/// <summary>The runtime API loop against a stand-in runtime API on 127.0.0.1.</summary>
public sealed class RuntimeLoopTests
{
    private static readonly RuntimeLoopOptions FastRetries = new(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(10), 3);

    public static TheoryData<string, NextFault[]> NextFaults => new()
    {
        { "HTTP 500 once", [NextFault.Status500] },
        { "connection reset once", [NextFault.ConnectionReset] },
        { "HTTP 500 then a reset", [NextFault.Status500, NextFault.ConnectionReset] },
    };

    [Fact]
    public async Task AnswersAMacroRequestOnTheResponseEndpoint()
    {
        await using var api = RuntimeApiStandIn.Start();
        api.Enqueue("inv-1", MacroRequests.Valid("cfn-request-1"));
        var log = new StringWriter();

        var (exitCode, posts, _) = await RunUntilAsync(api, 1, () => LambdaEntryPoint.CreateHandler(_ => null, log));

        exitCode.Should().Be(0);
        posts.Should().ContainSingle().Which.Should().Match<PostedToRuntime>(p => p.Kind == PostKind.Response && p.RequestId == "inv-1");
        var response = JsonNode.Parse(posts[0].Body)!;
        response["requestId"]!.GetValue<string>().Should().Be("cfn-request-1");
        response["status"]!.GetValue<string>().Should().Be("success");
        JsonNode.Parse(log.ToString())!["requestId"]!.GetValue<string>().Should().Be("cfn-request-1");
    }

    [Fact]
    public async Task ServesSeveralInvocationsInOrder()
    {
        await using var api = RuntimeApiStandIn.Start();
        foreach (var id in new[] { "a", "b", "c" })
        {
            api.Enqueue($"inv-{id}", MacroRequests.Valid($"cfn-{id}"));
        }

        var (_, posts, _) = await RunUntilAsync(api, 3, () => LambdaEntryPoint.CreateHandler(_ => null, TextWriter.Null));

        posts.Select(p => (p.Kind, p.RequestId, JsonNode.Parse(p.Body)!["requestId"]!.GetValue<string>()))
            .Should().Equal((PostKind.Response, "inv-a", "cfn-a"), (PostKind.Response, "inv-b", "cfn-b"), (PostKind.Response, "inv-c", "cfn-c"));
    }

    [Fact]
    public async Task AHandlerThatThrowsIsReportedOnTheErrorEndpointAndTheLoopKeepsServing()
    {
        await using var api = RuntimeApiStandIn.Start();
        api.Enqueue("inv-bad", "boom");
        api.Enqueue("inv-good", "fine");
        InvocationHandler handler = (body, _, _) => body == "boom"
            ? throw new InvalidOperationException("handler exploded")
            : Task.FromResult("""{"ok":true}""");

        var (_, posts, _) = await RunUntilAsync(api, 2, () => handler);

        posts[0].Kind.Should().Be(PostKind.InvocationError);
        posts[0].RequestId.Should().Be("inv-bad");
        posts[0].ErrorType.Should().Be("InvalidOperationException");
        var error = JsonNode.Parse(posts[0].Body)!;
        error["errorType"]!.GetValue<string>().Should().Be("InvalidOperationException");
        error["errorMessage"]!.GetValue<string>().Should().Be("handler exploded");
        error["stackTrace"].Should().BeOfType<JsonArray>();
        posts[1].Should().Be(new PostedToRuntime(PostKind.Response, "inv-good", """{"ok":true}""", null));
    }

    [Theory]
    [MemberData(nameof(NextFaults))]
    public async Task AFailingNextIsRetriedAndTheInvocationStillServed(string fault, NextFault[] faults)
    {
        await using var api = RuntimeApiStandIn.Start();
        foreach (var f in faults)
        {
            api.FailNext(f);
        }

        api.Enqueue("inv-1", "hello");

        var (exitCode, posts, log) = await RunUntilAsync(api, 1, () => (body, _, _) => Task.FromResult(body.ToUpperInvariant()));

        exitCode.Should().Be(0, fault);
        posts.Should().Equal(new PostedToRuntime(PostKind.Response, "inv-1", "HELLO", null));
        api.NextCalls.Should().BeGreaterThan(faults.Length);
        log.Should().Contain($"next failed ({faults.Length} in a row)");
    }

    [Fact]
    public async Task TheHandlerIsGivenTheRequestIdInvokedArnAndDeadlineOfItsInvocation()
    {
        await using var api = RuntimeApiStandIn.Start();
        var deadline = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 60_000;
        api.Enqueue("inv-ctx", "hello", deadline);
        InvocationContext? seen = null;

        await RunUntilAsync(api, 1, () => (body, context, _) =>
        {
            seen = context;
            return Task.FromResult(body);
        });

        seen.Should().Be(new InvocationContext("inv-ctx", RuntimeApiStandIn.FunctionArn, deadline));
    }

    [Fact]
    public async Task ANextThatKeepsFailingEndsTheProcessWithExitCode1()
    {
        await using var api = RuntimeApiStandIn.Start();
        for (var i = 0; i < FastRetries.MaxConsecutiveNextFailures; i++)
        {
            api.FailNext(NextFault.Status500);
        }

        using var http = RuntimeApiClient.CreateHttpClient(api.Address);
        var loop = new RuntimeLoop(new RuntimeApiClient(http, TimeSpan.FromSeconds(10)), TextWriter.Null, FastRetries);

        var exitCode = await loop.RunAsync(() => (body, _, _) => Task.FromResult(body), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        exitCode.Should().Be(1);
        api.NextCalls.Should().Be(FastRetries.MaxConsecutiveNextFailures);
    }

    [Fact]
    public async Task ARejectedResponseIsReportedOnTheErrorEndpointAndTheLoopKeepsServing()
    {
        await using var api = RuntimeApiStandIn.Start();
        api.AnswerNextResponseWith(HttpStatusCode.InternalServerError);
        api.Enqueue("inv-1", "one");
        api.Enqueue("inv-2", "two");

        var (_, posts, _) = await RunUntilAsync(api, 3, () => (body, _, _) => Task.FromResult(body));

        posts.Select(p => (p.Kind, p.RequestId)).Should().Equal(
            (PostKind.Response, "inv-1"), (PostKind.InvocationError, "inv-1"), (PostKind.Response, "inv-2"));
        posts[1].ErrorType.Should().Be("Runtime.ResponseNotDelivered");
    }

    [Fact]
    public async Task AnInitFailureIsPostedToInitErrorAndNoInvocationIsFetched()
    {
        await using var api = RuntimeApiStandIn.Start();
        using var http = RuntimeApiClient.CreateHttpClient(api.Address);
        var loop = new RuntimeLoop(new RuntimeApiClient(http, TimeSpan.FromSeconds(10)), TextWriter.Null, FastRetries);

        var exitCode = await loop.RunAsync(() => throw new InvalidDataException("the configuration is unusable"), CancellationToken.None);

        exitCode.Should().Be(1);
        var post = (await api.WaitForPostsAsync(1)).Single();
        post.Kind.Should().Be(PostKind.InitError);
        post.ErrorType.Should().Be("InvalidDataException");
        JsonNode.Parse(post.Body)!["errorMessage"]!.GetValue<string>().Should().Be("the configuration is unusable");
        api.NextCalls.Should().Be(0);
    }

    [Fact]
    public async Task ADeadlineAlreadyWithinTheMarginStillGetsAnAnswerNotSilence()
    {
        await using var api = RuntimeApiStandIn.Start();
        api.Enqueue("inv-1", MacroRequests.Valid("cfn-late"), deadlineUnixMs: DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 100);

        var (_, posts, _) = await RunUntilAsync(api, 1, () => LambdaEntryPoint.CreateHandler(_ => null, TextWriter.Null));

        // Nothing to read from S3, so the core finishes at once; objects to read fail by name (FaultMatrixTests).
        posts[0].Kind.Should().Be(PostKind.Response);
        var response = JsonNode.Parse(posts[0].Body)!;
        response["requestId"]!.GetValue<string>().Should().Be("cfn-late");
        response["status"]!.GetValue<string>().Should().Be("success");
    }

    [Fact]
    public async Task TheDeadlineArrivingDuringWorkGetsAFailureResponse()
    {
        await using var api = RuntimeApiStandIn.Start();
        api.Enqueue("inv-1", MacroRequests.Valid("cfn-stall"), deadlineUnixMs: DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 1000);
        var stalling = new MacroHandler(
            _ => new FakeCodeSource(),
            TransformOptions.Lambda(null),
            TextWriter.Null,
            (_, _, _, _) => new TaskCompletionSource<TransformResult>().Task);

        var (_, posts, _) = await RunUntilAsync(api, 1, () => (body, _, token) => stalling.HandleAsync(body, token));

        var response = JsonNode.Parse(posts.Single().Body)!;
        response["status"]!.GetValue<string>().Should().Be("failure");
        response["errorMessage"]!.GetValue<string>().Should().Be(MacroHandler.TimeoutMessage);
    }

    [Fact]
    public async Task ARequestIdIsEscapedInThePathItIsAnsweredOn()
    {
        await using var api = RuntimeApiStandIn.Start();
        api.Enqueue("id/with space?", "x");

        var (_, posts, _) = await RunUntilAsync(api, 1, () => (body, _, _) => Task.FromResult(body));

        posts.Single().Should().Be(new PostedToRuntime(PostKind.Response, "id/with space?", "x", null));
    }

    [Fact]
    public async Task EachInvocationExportsItsOwnTraceIdAndClearsAMissingOne()
    {
        await using var api = RuntimeApiStandIn.Start();
        const string trace = "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1";
        api.Enqueue("inv-1", "x", traceId: trace);
        api.Enqueue("inv-2", "y");
        var seen = new List<string?>();

        await RunUntilAsync(api, 2, () => (_, _, _) =>
        {
            seen.Add(Environment.GetEnvironmentVariable(RuntimeLoop.TraceIdVariable));
            return Task.FromResult("{}");
        });

        seen.Should().Equal(trace, null);
    }

    /// <summary>Runs the loop until <paramref name="posts"/> posts arrived, then stops it the way a test can: by cancelling.</summary>
    private static async Task<(int ExitCode, IReadOnlyList<PostedToRuntime> Posts, string Log)> RunUntilAsync(
        RuntimeApiStandIn api, int posts, Func<InvocationHandler> initialize)
    {
        using var http = RuntimeApiClient.CreateHttpClient(api.Address);
        var log = new StringWriter();
        var loop = new RuntimeLoop(new RuntimeApiClient(http, TimeSpan.FromSeconds(10)), TextWriter.Synchronized(log), FastRetries);
        using var stop = new CancellationTokenSource();
        var running = loop.RunAsync(initialize, stop.Token);
        var received = await api.WaitForPostsAsync(posts);
        await stop.CancelAsync();
        var exitCode = await running.WaitAsync(TimeSpan.FromSeconds(30));
        return (exitCode, received, log.ToString());
    }
}

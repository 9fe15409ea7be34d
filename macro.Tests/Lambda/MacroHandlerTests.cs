using System.Text.Json.Nodes;
using MacroVersioning.Code;
using MacroVersioning.Core;
using MacroVersioning.Lambda;

namespace MacroVersioning.Tests.Lambda;

/// <summary>The handler around the core: what it passes in, and how every outcome becomes an answer.</summary>
public sealed class MacroHandlerTests
{
    private const string TooLargeEnd = "-byte response, over Lambda's 6,291,456-byte response limit; move resources into nested stacks or shrink inline code";

    [Fact]
    public async Task AWellFormedRequestSucceedsAndKeepsTheTemplateTextAsItCame()
    {
        var request = MacroRequests.Tree("req-ok");
        request["fragment"]!["Resources"]!["Topic"]!["Properties"] = JsonNode.Parse("""{"DisplayName":"Grüße <&> 東京 'q'","Count":1.50,"Big":1e3}""");
        var log = new StringWriter();
        var handler = new MacroHandler(_ => new FakeCodeSource(), TransformOptions.Lambda(null), log);

        var text = await handler.HandleAsync(request.ToJsonString(), CancellationToken.None);

        var response = JsonNode.Parse(text)!;
        response["requestId"]!.GetValue<string>().Should().Be("req-ok");
        response["status"]!.GetValue<string>().Should().Be("success");
        response.AsObject().ContainsKey("errorMessage").Should().BeFalse();
        text.Should().Contain("\"DisplayName\":\"Grüße <&> 東京 'q'\"").And.Contain("\"Count\":1.50").And.Contain("\"Big\":1e3");
        JsonNode.DeepEquals(response["fragment"], request["fragment"]).Should().BeTrue();
    }

    [Fact]
    public async Task TheCoreGetsTheRequestTheOptionsAndTheSourceForTheRequestRegion()
    {
        var request = MacroRequests.Tree();
        request["params"] = new JsonObject { ["CodeIdentity"] = "location" };
        request["templateParameterValues"] = new JsonObject { ["Stage"] = "prod" };
        var options = TransformOptions.Lambda([1, 2, 3]);
        var source = new FakeCodeSource();
        string? askedRegion = null;
        (MacroRequest Request, TransformOptions Options, ICodeIdentitySource Source)? seen = null;
        var handler = new MacroHandler(
            region =>
            {
                askedRegion = region;
                return source;
            },
            options,
            TextWriter.Null,
            (r, o, s, _) =>
            {
                seen = (r, o, s);
                return Task.FromResult(new TransformResult(r.Fragment, [], []));
            });

        await handler.HandleAsync(request.ToJsonString(), CancellationToken.None);

        askedRegion.Should().Be("eu-west-1");
        seen!.Value.Options.Should().BeSameAs(options);
        seen.Value.Source.Should().BeSameAs(source);
        seen.Value.Request.Region.Should().Be("eu-west-1");
        seen.Value.Request.AccountId.Should().Be("123456789012");
        JsonNode.DeepEquals(seen.Value.Request.Fragment, request["fragment"]).Should().BeTrue();
        JsonNode.DeepEquals(seen.Value.Request.Params, request["params"]).Should().BeTrue();
        JsonNode.DeepEquals(seen.Value.Request.TemplateParameterValues, request["templateParameterValues"]).Should().BeTrue();
    }

    [Fact]
    public async Task EveryProblemOfTheCoreIsInOneFailureWithTheOriginalFragment()
    {
        var request = MacroRequests.Tree();
        var handler = Handler((_, _) => Task.FromResult(TransformResult.Failure(
        [
            new Problem("Resources.Api.Properties.CodeUri", "is a local path; package the template first"),
            new Problem("Resources.Worker.Properties.Timeout", "expected a number, got an object"),
        ])));

        var response = JsonNode.Parse(await handler.HandleAsync(request.ToJsonString(), CancellationToken.None))!;

        response["status"]!.GetValue<string>().Should().Be("failure");
        response["errorMessage"]!.GetValue<string>().Should().Be(
            "2 problems: Resources.Api.Properties.CodeUri: is a local path; package the template first; Resources.Worker.Properties.Timeout: expected a number, got an object");
        JsonNode.DeepEquals(response["fragment"], request["fragment"]).Should().BeTrue();
    }

    [Fact]
    public async Task ATokenAlreadyCancelledStillGetsTheCoresAnswerNamingWhatItCouldNotRead()
    {
        var log = new StringWriter();
        var handler = Handler(
            (_, ct) => Task.FromResult(new TransformResult(null, [new Problem("Resources.Fn.Properties.CodeUri", $"s3://b/k: stopped (cancelled: {ct.IsCancellationRequested})")], [])),
            log);

        var response = JsonNode.Parse(await handler.HandleAsync(MacroRequests.Valid("req-late"), new CancellationToken(canceled: true)))!;

        response["requestId"]!.GetValue<string>().Should().Be("req-late");
        response["status"]!.GetValue<string>().Should().Be("failure");
        response["errorMessage"]!.GetValue<string>().Should().Be("Resources.Fn.Properties.CodeUri: s3://b/k: stopped (cancelled: True)");
        JsonNode.Parse(log.ToString())!["failure"]!.GetValue<string>().Should().Be("timeout");
    }

    [Fact]
    public async Task WorkThatStopsWhenTheTokenFiresIsWaitedForBrieflySoItsProblemsNameWhatStopped()
    {
        var log = new StringWriter();
        var handler = Handler(
            async (_, ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                return new TransformResult(null, [new Problem("Resources.Fn.Properties.CodeUri", "s3://b/k: reading stopped")], []);
            },
            log);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        var response = JsonNode.Parse(await handler.HandleAsync(MacroRequests.Valid(), deadline.Token))!;

        response["errorMessage"]!.GetValue<string>().Should().Be("Resources.Fn.Properties.CodeUri: s3://b/k: reading stopped");
        JsonNode.Parse(log.ToString())!["failure"]!.GetValue<string>().Should().Be("timeout");
    }

    [Fact]
    public async Task WorkThatIgnoresTheTokenIsAbandonedWhenItFires()
    {
        var handler = Handler((_, _) => new TaskCompletionSource<TransformResult>().Task);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        var response = JsonNode.Parse(await handler.HandleAsync(MacroRequests.Valid(), deadline.Token))!;

        response["errorMessage"]!.GetValue<string>().Should().Be(MacroHandler.TimeoutMessage);
    }

    [Fact]
    public async Task WorkThatHonoursTheTokenEndsInTheSameFailure()
    {
        var log = new StringWriter();
        var handler = Handler(
            async (_, ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                throw new InvalidOperationException("unreachable");
            },
            log);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        var response = JsonNode.Parse(await handler.HandleAsync(MacroRequests.Valid(), deadline.Token))!;

        response["errorMessage"]!.GetValue<string>().Should().Be(MacroHandler.TimeoutMessage);
        JsonNode.Parse(log.ToString())!["failure"]!.GetValue<string>().Should().Be("timeout");
    }

    [Fact]
    public async Task AnExceptionInTheCoreBecomesAFailureThatNeitherQuotesNorLogsItsMessage()
    {
        var log = new StringWriter();
        var handler = new MacroHandler(_ => new FakeCodeSource(), TransformOptions.Lambda(null), log, (_, _, _, _) =>
            throw new InvalidOperationException("input-derived detail 7f3a"));

        var text = await handler.HandleAsync(MacroRequests.Valid("req-bug"), CancellationToken.None);

        JsonNode.Parse(text)!["errorMessage"]!.GetValue<string>().Should().Be(
            "VersioningMacro hit an internal error (InvalidOperationException) and changed nothing; this is a bug, please report it with request id req-bug (the stack trace is in the macro's log)");
        text.Should().NotContain("7f3a");
        log.ToString().Should().NotContain("7f3a");
        var line = JsonNode.Parse(log.ToString())!;
        line["failure"]!.GetValue<string>().Should().Be("internal");
        line["exception"]!.GetValue<string>().Should().Be("System.InvalidOperationException");
    }

    [Fact]
    public async Task AFailingCodeSourceFactoryIsAnInternalFailureToo()
    {
        var handler = new MacroHandler(_ => throw new ArgumentException("no such region"), TransformOptions.Lambda(null), TextWriter.Null);

        var response = JsonNode.Parse(await handler.HandleAsync(MacroRequests.Valid("req-x"), CancellationToken.None))!;

        response["status"]!.GetValue<string>().Should().Be("failure");
        response["errorMessage"]!.GetValue<string>().Should().StartWith("VersioningMacro hit an internal error (ArgumentException)");
    }

    [Fact]
    public async Task AResultOverTheLambdaPayloadLimitIsAFailureThatSaysSo()
    {
        var request = MacroRequests.Tree();
        var handler = Handler((r, _) =>
        {
            var big = (JsonObject)r.Fragment.DeepClone();
            big["Resources"]!["Topic"]!["Properties"] = new JsonObject { ["DisplayName"] = new string('x', MacroResponse.MaxPayloadBytes) };
            return Task.FromResult(new TransformResult(big, [], []));
        });

        var text = await handler.HandleAsync(request.ToJsonString(), CancellationToken.None);

        var response = JsonNode.Parse(text)!;
        response["status"]!.GetValue<string>().Should().Be("failure");
        response["errorMessage"]!.GetValue<string>().Should().StartWith("fragment: the transformed template makes a 6,").And.EndWith(TooLargeEnd);
        JsonNode.DeepEquals(response["fragment"], request["fragment"]).Should().BeTrue();
    }

    [Fact]
    public async Task AnOriginalFragmentTooLargeToEchoIsReplacedByAnEmptyObject()
    {
        var request = MacroRequests.Edit(r => r["fragment"]!["Resources"]!["Topic"]!["Properties"] = new JsonObject { ["DisplayName"] = new string('y', MacroResponse.MaxPayloadBytes) });
        var handler = new MacroHandler(_ => new FakeCodeSource(), TransformOptions.Lambda(null), TextWriter.Null);

        var text = await handler.HandleAsync(request, CancellationToken.None);

        text.Length.Should().BeLessThan(MacroResponse.MaxPayloadBytes);
        var response = JsonNode.Parse(text)!;
        response["errorMessage"]!.GetValue<string>().Should().EndWith(TooLargeEnd);
        JsonNode.DeepEquals(response["fragment"], new JsonObject()).Should().BeTrue();
    }

    [Fact]
    public async Task LogsOneJsonLineWithCountsAndNoTemplateContent()
    {
        var request = MacroRequests.Tree("req-log");
        request["fragment"]!["Resources"]!["Topic"]!["Properties"] = new JsonObject { ["DisplayName"] = "fragment-marker-91c2" };
        request["templateParameterValues"] = new JsonObject { ["Stage"] = "parameter-marker-5d0e" };
        var log = new StringWriter();
        var handler = Handler(
            (r, _) => Task.FromResult(new TransformResult(r.Fragment, [], [
                new FunctionReport("Api", "ApiVersionabc", "code sha256:…"),
                new FunctionReport("Worker", "WorkerVersiondef", "code sha256:…"),
                new FunctionReport("Legacy", null, "AutoPublishAlias: SAM versions it"),
            ])),
            log);

        await handler.HandleAsync(request.ToJsonString(), CancellationToken.None);

        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().ContainSingle();
        lines[0].Should().NotContain("marker");
        var line = JsonNode.Parse(lines[0])!.AsObject();
        line.Select(p => p.Key).Should().Equal("requestId", "status", "functionsVersioned", "functionsSkipped", "problems", "durationMs");
        line["requestId"]!.GetValue<string>().Should().Be("req-log");
        line["status"]!.GetValue<string>().Should().Be("success");
        line["functionsVersioned"]!.GetValue<int>().Should().Be(2);
        line["functionsSkipped"]!.GetValue<int>().Should().Be(1);
        line["problems"]!.GetValue<int>().Should().Be(0);
        line["durationMs"]!.GetValue<long>().Should().BeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task ABrokenLogDoesNotStopTheAnswer()
    {
        var handler = new MacroHandler(_ => new FakeCodeSource(), TransformOptions.Lambda(null), new ThrowingWriter());

        var response = JsonNode.Parse(await handler.HandleAsync(MacroRequests.Valid("req-1"), CancellationToken.None))!;

        response["status"]!.GetValue<string>().Should().Be("success");
    }

    private static MacroHandler Handler(Func<MacroRequest, CancellationToken, Task<TransformResult>> transform, TextWriter? log = null) =>
        new(_ => new FakeCodeSource(), TransformOptions.Lambda(null), log ?? TextWriter.Null, (r, _, _, ct) => transform(r, ct));

    private sealed class ThrowingWriter : StringWriter
    {
        public override void WriteLine(string? value) => throw new IOException("log stream closed");
    }
}

using System.Diagnostics;
using System.Text.Json.Nodes;
using MacroVersioning.Lambda;
using MacroVersioning.Tests.Lambda;
using MacroVersioning.Tests.Prune;
using MacroVersioning.Tests.Pruning;

namespace MacroVersioning.Tests.Aot;

/// <summary>
/// The AOT executable as provided.al2023 starts it: <c>AWS_LAMBDA_RUNTIME_API</c> set, nothing on the
/// command line, talking to the stand-in runtime API on 127.0.0.1. A failing first <c>next</c> is
/// retried, then every invocation gets the response the JIT-compiled handler gives the same body,
/// byte for byte, and the same log line (its duration aside).
/// </summary>
public sealed class AotRuntimeLoopTests
{
    private const string HashKey = "aot-runtime-loop-hash-key";

    public static IReadOnlyList<string> Bodies() =>
    [
        MacroRequests.Valid("cfn-no-function"),
        MacroRequests.Edit(r => r["fragment"]!["Resources"]!["Inline"] = JsonNode.Parse("""
            {"Type": "AWS::Lambda::Function", "Properties": {"Code": {"ZipFile": "def handler(e, c): return e"},
             "Handler": "index.handler", "Runtime": "python3.12", "Role": "arn:aws:iam::123456789012:role/app", "MemorySize": 256}}
            """), "cfn-inline"),
        MacroRequests.Edit(r =>
        {
            r["params"] = new JsonObject { ["CodeIdentity"] = "location" };
            r["fragment"]!["Parameters"] = JsonNode.Parse("""{"ApiKey": {"Type": "String", "NoEcho": true}}""");
            r["templateParameterValues"] = new JsonObject { ["ApiKey"] = "aot-planted-secret" };
            r["fragment"]!["Resources"]!["Api"] = JsonNode.Parse("""
                {"Type": "AWS::Serverless::Function", "Properties": {"CodeUri": "s3://code-bucket/api.zip", "Handler": "index.handler",
                 "Runtime": "python3.12", "Environment": {"Variables": {"API_KEY": {"Ref": "ApiKey"}}}}}
                """);
        }, "cfn-location-noecho"),
        MacroRequests.Edit(r => r["fragment"]!["Resources"]!["Broken"] = JsonNode.Parse("""{"Type": "AWS::Serverless::Function", "Properties": {"CodeUri": 42}}"""), "cfn-broken"),
        "not json at all",
    ];

    [Fact]
    public async Task The_aot_executable_serves_the_runtime_api_as_the_jit_handler_answers()
    {
        var bodies = Bodies();
        await using var api = RuntimeApiStandIn.Start();
        api.FailNext(NextFault.Status500);
        for (var i = 0; i < bodies.Count; i++)
        {
            api.Enqueue($"inv-{i}", bodies[i]);
        }

        var (posts, log) = await RunAotUntilAsync(api, bodies.Count);

        var jitLog = new StringWriter { NewLine = "\n" };
        var jitHandler = LambdaEntryPoint.CreateHandler(name => name == LambdaEntryPoint.HashKeyVariable ? HashKey : null, jitLog);
        for (var i = 0; i < bodies.Count; i++)
        {
            posts[i].Kind.Should().Be(PostKind.Response);
            posts[i].RequestId.Should().Be($"inv-{i}");
            posts[i].Body.Should().Be(await jitHandler(bodies[i], new InvocationContext($"inv-{i}", RuntimeApiStandIn.FunctionArn, null), CancellationToken.None), $"the response to invocation {i}");
        }

        posts.Select(p => JsonNode.Parse(p.Body)!["status"]!.GetValue<string>()).Should().Equal("success", "success", "success", "failure", "failure");
        log.Should().Contain("next failed (1 in a row)").And.NotContain("aot-planted-secret");
        foreach (var line in MacroProcess.WithoutDurations(jitLog.ToString()).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            MacroProcess.WithoutDurations(log).Should().Contain(line);
        }
    }

    [Fact]
    public async Task The_aot_executable_prunes_on_a_custom_resource_event_and_answers_on_the_response_url()
    {
        await using var lambda = LambdaApiStandIn.Start().WithVersions(6);
        lambda.AddAlias("live", 1);
        await using var responses = ResponseUrlStandIn.Start();
        var update = CustomResourceEvents.PruneUpdate(
            responses.ResponseUrl, LambdaApiStandIn.Region, LambdaApiStandIn.FunctionName, 2, PruneRun.VersionArn(6), PruneRun.VersionArn(3));
        await using var api = RuntimeApiStandIn.Start();
        api.Enqueue("inv-prune", update.ToJsonString());

        var (posts, log) = await RunAotUntilAsync(api, 1, new Dictionary<string, string?>
        {
            ["AWS_ENDPOINT_URL_LAMBDA"] = lambda.Endpoint.ToString(),
            ["AWS_ACCESS_KEY_ID"] = LambdaApiStandIn.Credentials.AccessKey,
            ["AWS_SECRET_ACCESS_KEY"] = LambdaApiStandIn.Credentials.SecretKey,
        });

        posts.Should().ContainSingle().Which.Kind.Should().Be(PostKind.Response);
        lambda.Versions.Should().Equal("1", "3", "5", "6");
        lambda.Unsigned.Should().Be(0);
        var answer = JsonNode.Parse(responses.Received().Should().ContainSingle().Subject.Body)!;
        answer["Status"]!.GetValue<string>().Should().Be("SUCCESS");
        answer["Data"]!["Deleted"]!.GetValue<string>().Should().Be("2, 4");
        log.Should().NotContain(LambdaApiStandIn.Credentials.SecretKey);
    }

    /// <summary>Starts the executable against the stand-in, waits for <paramref name="count"/> posts, then stops it.</summary>
    private static async Task<(IReadOnlyList<PostedToRuntime> Posts, string Log)> RunAotUntilAsync(RuntimeApiStandIn api, int count, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var (file, _) = await MacroProcess.CommandAsync(MacroBuild.Aot);
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (name, value) in MacroProcess.EnvironmentFor(Path.GetTempPath(), new Dictionary<string, string?>
        {
            ["AWS_LAMBDA_RUNTIME_API"] = api.Address,
            [LambdaEntryPoint.HashKeyVariable] = HashKey,
        }.Concat(extra ?? new Dictionary<string, string?>()).ToDictionary()))
        {
            start.Environment.Remove(name);
            if (value is not null)
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} could not be started");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        IReadOnlyList<PostedToRuntime> posts;
        try
        {
            posts = await api.WaitForPostsAsync(count);
        }
        finally
        {
            // The loop never ends on its own (Lambda freezes or stops the process); the test stops it.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        return (posts, await stdout + await stderr);
    }
}

using MacroVersioning.Code;
using MacroVersioning.Tests.Tools;

namespace MacroVersioning.Tests.S3;

/// <summary>Network failures on loopback: nothing listening, a server that stalls, a body cut short.</summary>
public sealed class S3ContentSourceFailureTests
{
    private static readonly S3CodeObject Code = new("code", "app.zip", null);

    [Fact(Timeout = 60_000)]
    public async Task Unreachable_endpoint_fails_naming_object_and_endpoint()
    {
        var endpoint = LoopbackTcpServer.ClosedEndpoint();

        var digests = await TestSources.For(endpoint, TestSources.Impatient).DigestAsync([Code], CancellationToken.None);

        digests.Should().ContainSingle().Which.Error.Should().ContainAll("s3://code/app.zip: ", $"could not reach S3 at {endpoint}", "ConnectionRefused");
    }

    [Fact(Timeout = 60_000)]
    public async Task Deadline_stops_a_read_from_a_server_that_never_answers()
    {
        await using var server = StandInServer.Silent();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        var digests = await TestSources.For(server.Endpoint).DigestAsync([Code], deadline.Token);

        digests.Should().ContainSingle().Which.Error.Should().ContainAll("s3://code/app.zip: ", "ran out of time", "Timeout");
    }

    public static TheoryData<string, int, int, string, int> Silences => new()
    {
        { "call limit reached first", 30, 2, "did not answer within 2 s (time-out)", 1 },
        { "every attempt timed out", 1, 30, "did not answer within 1 s on any of 2 attempts (time-out)", 2 },
    };

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(Silences))]
    public async Task Server_that_never_answers_times_out(string name, int attemptSeconds, int callSeconds, string expected, int attempts)
    {
        await using var server = StandInServer.Silent();
        var options = TestSources.Impatient with { AttemptTimeout = TimeSpan.FromSeconds(attemptSeconds), CallTimeout = TimeSpan.FromSeconds(callSeconds) };

        var digests = await TestSources.For(server.Endpoint, options).DigestAsync([Code], CancellationToken.None);

        digests.Should().ContainSingle().Which.Error.Should().ContainAll(["s3://code/app.zip: ", expected], because: name);
        server.Attempts.Should().HaveCount(attempts);
    }

    [Fact(Timeout = 60_000)]
    public async Task Body_that_stalls_midway_times_out()
    {
        await using var server = StandInServer.StallingBody(100_000);

        var digests = await TestSources.For(server.Endpoint, TestSources.Impatient).DigestAsync([Code], CancellationToken.None);

        digests.Should().ContainSingle().Which.Error.Should().ContainAll("s3://code/app.zip: ", "stalled", "of 100000 bytes (read time-out)");
    }

    [Fact(Timeout = 60_000)]
    public async Task Body_shorter_than_its_content_length_is_a_truncated_read()
    {
        await using var server = StandInServer.Truncating(100_000);

        var digests = await TestSources.For(server.Endpoint, TestSources.Impatient).DigestAsync([Code], CancellationToken.None);

        digests.Should().ContainSingle().Which.Error.Should().ContainAll("s3://code/app.zip: ", "of 100000 bytes (truncated response)");
    }
}

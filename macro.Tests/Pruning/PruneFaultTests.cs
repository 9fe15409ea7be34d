using System.Diagnostics;
using Amazon.Runtime;
using MacroVersioning.Core.Pruning;
using static MacroVersioning.Tests.Pruning.PruneRun;

namespace MacroVersioning.Tests.Pruning;

/// <summary>API failures and the deadline: recorded, skipped, never thrown; a failed listing deletes nothing.</summary>
public sealed class PruneFaultTests
{
    public static TheoryData<int, string> DeleteFaults => new()
    {
        { 409, "409 ResourceConflictException: The operation cannot be performed at this time." },
        { 429, "429 TooManyRequestsException: Rate exceeded" },
        { 500, "500 ServiceException: internal error" },
        { 404, "already gone: 404 ResourceNotFoundException: Function not found" },
        { 400, "400 InvalidParameterValueException: Lambda was unable to delete the version because it is a replicated function." },
    };

    [Theory]
    [MemberData(nameof(DeleteFaults))]
    public async Task A_failed_deletion_is_recorded_and_the_rest_go_on(int status, string reason)
    {
        await using var lambda = LambdaApiStandIn.Start().WithVersions(5);
        lambda.FailDelete(2, status);

        var outcome = await RunAsync(lambda, keep: 1, added: "5");

        outcome.Failed.Should().ContainSingle().Which.Should().Be(new PrunedVersionNote("2", reason));
        outcome.Deleted.Should().Equal(Numbers(1, 3, 4));
        lambda.Deletes.Count(d => d.EndsWith("Qualifier=2", StringComparison.Ordinal)).Should().Be(1, "a deletion is tried once");
    }

    [Fact]
    public async Task A_throttled_listing_is_retried()
    {
        await using var lambda = LambdaApiStandIn.Start().WithVersions(4);
        lambda.FailList("versions", 429);
        lambda.FailList("aliases", 500);

        var outcome = await RunAsync(lambda, keep: 2, added: "4");

        outcome.Error.Should().BeNull();
        outcome.Deleted.Should().Equal(Numbers(1, 2));
    }

    [Theory]
    [InlineData("versions")]
    [InlineData("aliases")]
    [InlineData("provisioned-concurrency")]
    [InlineData("event-source-mappings")]
    public async Task A_listing_that_keeps_failing_deletes_nothing(string listing)
    {
        await using var lambda = LambdaApiStandIn.Start().WithVersions(6);
        for (var i = 0; i < 3; i++)
        {
            lambda.FailList(listing, 500);
        }

        var outcome = await RunAsync(lambda, keep: 1, added: "6");

        outcome.Error.Should().StartWith("listing the function's versions and what uses them failed, so nothing was deleted: 500 ServiceException");
        outcome.Deleted.Should().BeEmpty();
        lambda.Deletes.Should().BeEmpty();
    }

    [Fact]
    public async Task A_listing_answered_with_a_page_that_is_not_JSON_deletes_nothing()
    {
        await using var lambda = LambdaApiStandIn.Start().WithVersions(6);
        lambda.FailList("aliases", 200);

        var outcome = await RunAsync(lambda, keep: 1, added: "6");

        outcome.Error.Should().StartWith("listing the function's versions and what uses them failed, so nothing was deleted: 200 MalformedResponse");
        lambda.Deletes.Should().BeEmpty();
    }

    [Fact]
    public async Task Access_denied_on_a_listing_deletes_nothing()
    {
        await using var lambda = LambdaApiStandIn.Start().WithVersions(6);

        var outcome = await RunAsync(lambda, keep: 1, added: "6", credentials: new ImmutableCredentials("AKIDSTANDIN", "a wrong secret", null));

        outcome.Error.Should().Contain("403 InvalidSignatureException");
        lambda.Deletes.Should().BeEmpty();
    }

    [Fact]
    public async Task Slow_deletions_past_the_deadline_stop_cleanly_and_say_what_was_not_attempted()
    {
        await using var lambda = LambdaApiStandIn.Start().WithVersions(8);
        lambda.DeleteDelay = TimeSpan.FromSeconds(5);
        var clock = Stopwatch.StartNew();

        var outcome = await RunAsync(lambda, keep: 2, added: "8", deadline: TimeSpan.FromSeconds(1));

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(4), "the pruner stops at the deadline instead of waiting for the server");
        outcome.Deleted.Should().BeEmpty();
        outcome.Failed.Should().ContainSingle().Which.Should().Be(new PrunedVersionNote("1", "the deadline came during its deletion; it may still exist"));
        outcome.NotAttempted.Select(n => n.Version).Should().Equal(Numbers(2, 3, 4, 5, 6));
        outcome.NotAttempted.Should().OnlyContain(n => n.Reason == "not attempted: the deadline came first");
        outcome.Error.Should().BeNull();
    }

    [Fact]
    public async Task A_slow_server_past_the_deadline_during_listing_deletes_nothing()
    {
        await using var lambda = LambdaApiStandIn.Start().WithVersions(8);
        lambda.Delay = TimeSpan.FromSeconds(5);

        var outcome = await RunAsync(lambda, keep: 2, added: "8", deadline: TimeSpan.FromMilliseconds(500));

        outcome.Error.Should().Be("the deadline came before the function's versions and what uses them were listed, so nothing was deleted");
        outcome.Deleted.Should().BeEmpty();
        lambda.Deletes.Should().BeEmpty();
    }
}

using MacroVersioning.Core.Pruning;
using static MacroVersioning.Tests.Pruning.PruneRun;

namespace MacroVersioning.Tests.Pruning;

/// <summary>Each rule of issue 14's pruner, one named test, through the real adapter against the Lambda stand-in.</summary>
public sealed class PruneRuleTests
{
    [Fact]
    public async Task Deletes_the_macros_versions_beyond_the_newest_N_oldest_first()
    {
        await using var lambda = LambdaApiStandIn.Start().WithVersions(10);

        var outcome = await RunAsync(lambda, keep: 3, added: VersionArn(10), previous: VersionArn(9));

        outcome.Deleted.Should().Equal(Numbers(1, 2, 3, 4, 5, 6, 7));
        outcome.KeptVersions().Should().Equal(Numbers(10, 9, 8));
        outcome.ReasonFor(8).Should().Be("among the newest 3 the macro published");
        outcome.Failed.Should().BeEmpty();
        outcome.Error.Should().BeNull();
        lambda.Versions.Should().Equal(Numbers(8, 9, 10));
        lambda.Unsigned.Should().Be(0);
    }

    [Fact]
    public async Task Never_deletes_LATEST()
    {
        await using var lambda = LambdaApiStandIn.Start().WithVersions(3);

        var outcome = await RunAsync(lambda, keep: 1, added: "3");

        outcome.Kept.Should().ContainSingle(k => k.Version == "$LATEST").Which.Reason.Should().Contain("unpublished");
        lambda.Deletes.Should().NotContain(d => d.Contains("LATEST", StringComparison.Ordinal));
        outcome.Deleted.Should().Equal(Numbers(1, 2));
    }

    [Fact]
    public async Task Never_deletes_versions_the_macro_did_not_publish()
    {
        await using var lambda = LambdaApiStandIn.Start().WithVersions(8, macro: v => v % 2 == 0);

        var outcome = await RunAsync(lambda, keep: 1, added: "8");

        outcome.Deleted.Should().Equal(Numbers(2, 4, 6));
        outcome.ReasonFor(7).Should().StartWith("not published by the macro");
        outcome.ReasonFor(1).Should().StartWith("not published by the macro");
        lambda.Versions.Should().Equal(Numbers(1, 3, 5, 7, 8));
    }

    [Fact]
    public async Task Never_deletes_the_version_this_update_added()
    {
        // A rollback-then-redeploy can make the added version an older number than the newest.
        await using var lambda = LambdaApiStandIn.Start().WithVersions(6);

        var outcome = await RunAsync(lambda, keep: 1, added: VersionArn(3));

        outcome.ReasonFor(3).Should().Be("added by this deployment");
        outcome.Deleted.Should().Equal(Numbers(1, 2, 4, 5));
    }

    [Fact]
    public async Task Never_deletes_the_version_the_stack_held_before_the_update()
    {
        await using var lambda = LambdaApiStandIn.Start().WithVersions(6);

        var outcome = await RunAsync(lambda, keep: 1, added: VersionArn(6), previous: VersionArn(2));

        outcome.ReasonFor(2).Should().Be("held by the stack before this update (a rollback returns to it)");
        outcome.Deleted.Should().Equal(Numbers(1, 3, 4, 5));
    }

    [Fact]
    public async Task Never_deletes_an_alias_target()
    {
        await using var lambda = LambdaApiStandIn.Start().WithVersions(6);
        lambda.AddAlias("live", 2);

        var outcome = await RunAsync(lambda, keep: 1, added: "6");

        outcome.ReasonFor(2).Should().Be("alias live points to it");
        outcome.Deleted.Should().Equal(Numbers(1, 3, 4, 5));
        outcome.Failed.Should().BeEmpty("the pruner must not even try (Lambda would answer 409)");
    }

    [Fact]
    public async Task Never_deletes_a_version_an_alias_routes_weighted_traffic_to()
    {
        await using var lambda = LambdaApiStandIn.Start().WithVersions(6);
        lambda.AddAlias("live", 6, (3, 0.1));

        var outcome = await RunAsync(lambda, keep: 1, added: "6");

        outcome.ReasonFor(3).Should().Be("alias live routes 10% of its traffic to it");
        outcome.ReasonFor(6).Should().Be("among the newest 1 the macro published; added by this deployment; alias live points to it");
        outcome.Deleted.Should().Equal(Numbers(1, 2, 4, 5));
    }

    [Fact]
    public async Task Never_deletes_a_version_with_provisioned_concurrency()
    {
        await using var lambda = LambdaApiStandIn.Start().WithVersions(6);
        lambda.AddProvisionedConcurrency("4");

        var outcome = await RunAsync(lambda, keep: 1, added: "6");

        outcome.ReasonFor(4).Should().Be("provisioned concurrency is configured on it");
        outcome.Deleted.Should().Equal(Numbers(1, 2, 3, 5));
    }

    [Fact]
    public async Task Never_deletes_a_version_an_event_source_mapping_names()
    {
        await using var lambda = LambdaApiStandIn.Start().WithVersions(6);
        lambda.AddEventSourceMapping("a1b2c3d4-0000-0000-0000-000000000001", "2");
        lambda.AddEventSourceMapping("a1b2c3d4-0000-0000-0000-000000000002", null);

        var outcome = await RunAsync(lambda, keep: 1, added: "6");

        outcome.ReasonFor(2).Should().Be("event source mapping a1b2c3d4-0000-0000-0000-000000000001 invokes it");
        outcome.Deleted.Should().Equal(Numbers(1, 3, 4, 5));
        lambda.Requests.Should().Contain(r => r.Contains("FunctionName=orders%3A2", StringComparison.Ordinal), "each candidate is checked by its qualified name");
    }

    [Fact]
    public async Task Pages_through_more_than_50_versions()
    {
        await using var lambda = LambdaApiStandIn.Start().WithVersions(120);

        var outcome = await RunAsync(lambda, keep: 5, added: "120", previous: "119");

        outcome.Deleted.Should().HaveCount(115).And.Equal(Enumerable.Range(1, 115).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        outcome.KeptVersions().Should().Equal(Numbers(120, 119, 118, 117, 116));
        lambda.Requests.Count(r => r.Contains("/versions", StringComparison.Ordinal)).Should().Be(3, "121 versions ($LATEST included) in pages of 50");
        lambda.Requests.Should().Contain(r => r.Contains("/versions?MaxItems=50&Marker=page-100", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_version_looked_at_lands_in_exactly_one_list()
    {
        await using var lambda = LambdaApiStandIn.Start().WithVersions(12, macro: v => v != 5);
        lambda.AddAlias("live", 12, (7, 0.25));
        lambda.FailDelete(2, 409);

        var outcome = await RunAsync(lambda, keep: 2, added: "12", previous: "11");

        var all = outcome.Deleted.Concat(outcome.Kept.Select(k => k.Version)).Concat(outcome.Failed.Select(f => f.Version)).Concat(outcome.NotAttempted.Select(n => n.Version)).ToList();
        all.Should().OnlyHaveUniqueItems().And.BeEquivalentTo(["$LATEST", .. Numbers(Enumerable.Range(1, 12).ToArray())]);
    }

    [Fact]
    public async Task Dry_run_decides_the_same_and_deletes_nothing()
    {
        await using var lambda = LambdaApiStandIn.Start().WithVersions(6);
        lambda.AddAlias("live", 2);

        var outcome = await RunAsync(lambda, keep: 2, added: "6", dryRun: true);

        outcome.Deleted.Should().Equal(Numbers(1, 3, 4));
        outcome.ReasonFor(2).Should().Be("alias live points to it");
        lambda.Deletes.Should().BeEmpty();
        lambda.Versions.Should().HaveCount(6);
    }

    [Fact]
    public async Task Function_given_as_an_ARN_is_addressed_and_signed_correctly()
    {
        await using var lambda = LambdaApiStandIn.Start().WithVersions(4);

        var outcome = await PruneRun.Pruner(lambda).PruneAsync(new PruneRequest(LambdaApiStandIn.FunctionArn, 2, "4", "3", DryRun: false), CancellationToken.None);

        outcome.Deleted.Should().Equal(Numbers(1, 2));
        lambda.Unsigned.Should().Be(0);
        lambda.Requests.Should().Contain(r => r.StartsWith("DELETE /2015-03-31/functions/arn%3Aaws%3Alambda%3Aeu-west-1%3A123456789012%3Afunction%3Aorders?Qualifier=1", StringComparison.Ordinal));
    }
}

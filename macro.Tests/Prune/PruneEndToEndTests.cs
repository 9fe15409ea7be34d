using System.Text.Json.Nodes;
using MacroVersioning.Lambda;
using MacroVersioning.Tests.Pruning;

namespace MacroVersioning.Tests.Prune;

/// <summary>
/// The whole Lambda path of a prune with nothing faked but the two servers: a custom-resource Update goes through
/// the dispatcher to the prune handler, the real pruner (LambdaRestApi, SigV4) deletes on the Lambda API stand-in,
/// and the answer arrives on the ResponseURL stand-in.
/// </summary>
public sealed class PruneEndToEndTests
{
    [Fact]
    public async Task An_update_event_deletes_beyond_N_keeps_added_previous_and_alias_targets_and_reports_on_the_response_url()
    {
        await using var lambda = LambdaApiStandIn.Start().WithVersions(9);
        lambda.AddAlias("live", 2);
        await using var responses = ResponseUrlStandIn.Start();
        var update = CustomResourceEvents.PruneUpdate(responses.ResponseUrl, "us-east-1", LambdaApiStandIn.FunctionName, 2, PruneRun.VersionArn(9), PruneRun.VersionArn(5));
        var regions = new List<string>();
        var handler = LambdaEntryPoint.CreateHandler(_ => null, TextWriter.Null, region =>
        {
            regions.Add(region);
            return PruneRun.Pruner(lambda);
        });

        await handler(update.ToJsonString(), new InvocationContext("inv-1", null, null), CancellationToken.None);

        regions.Should().Equal("us-east-1");
        lambda.Versions.Should().Equal("2", "5", "8", "9");
        lambda.Unsigned.Should().Be(0);
        var answer = JsonNode.Parse(responses.Received().Should().ContainSingle().Subject.Body)!;
        answer["Status"]!.GetValue<string>().Should().Be("SUCCESS");
        answer["PhysicalResourceId"]!.GetValue<string>().Should().Be("FnVersionPrune-0011223344556677", "an update keeps the physical id");
        answer["Data"]!["Deleted"]!.GetValue<string>().Should().Be("1, 3, 4, 6, 7");
        answer["Data"]!["DeletedCount"]!.GetValue<string>().Should().Be("5");
    }
}

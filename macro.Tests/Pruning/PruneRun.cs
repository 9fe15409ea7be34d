using Amazon.Runtime;
using MacroVersioning.Aws;
using MacroVersioning.Core.Pruning;

namespace MacroVersioning.Tests.Pruning;

/// <summary>Runs the real pruner (LambdaRestApi, SigV4) against a <see cref="LambdaApiStandIn"/>.</summary>
internal static class PruneRun
{
    public static IVersionPruner Pruner(LambdaApiStandIn standIn, ImmutableCredentials? credentials = null)
    {
        var keys = credentials ?? LambdaApiStandIn.Credentials;
        var environment = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = keys.AccessKey,
            ["AWS_SECRET_ACCESS_KEY"] = keys.SecretKey,
        };
        return LambdaVersionPruner.Create(
            LambdaApiStandIn.Region, standIn.Endpoint, new AwsCredentialSource(environment.GetValueOrDefault), LambdaVersionPruner.CreateHttpClient(), TimeProvider.System);
    }

    public static async Task<PruneOutcome> RunAsync(
        LambdaApiStandIn standIn, int keep, string? added = null, string? previous = null, bool dryRun = false, TimeSpan? deadline = null, ImmutableCredentials? credentials = null)
    {
        using var cancellation = deadline is { } d ? new CancellationTokenSource(d) : new CancellationTokenSource();
        var request = new PruneRequest(LambdaApiStandIn.FunctionName, keep, added, previous, dryRun);
        return await Pruner(standIn, credentials).PruneAsync(request, cancellation.Token);
    }

    public static string VersionArn(int version) => $"{LambdaApiStandIn.FunctionArn}:{version}";

    public static IEnumerable<string> Numbers(params int[] versions) => versions.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Kept versions without $LATEST, as numbers, newest first.</summary>
    public static IEnumerable<string> KeptVersions(this PruneOutcome outcome) =>
        outcome.Kept.Select(k => k.Version).Where(v => v != VersionQualifier.Latest);

    public static string ReasonFor(this PruneOutcome outcome, int version) =>
        outcome.Kept.Single(k => k.Version == version.ToString(System.Globalization.CultureInfo.InvariantCulture)).Reason;
}

using MacroVersioning.Tests.Pruning;

namespace MacroVersioning.Tests.Cli;

/// <summary><c>prune FUNCTION --keep N</c> end to end: CLI parsing, fake keys from the environment, the Lambda stand-in.</summary>
public sealed class PruneCommandTests
{
    private static Dictionary<string, string> Keys(string? region = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = LambdaApiStandIn.Credentials.AccessKey,
            ["AWS_SECRET_ACCESS_KEY"] = LambdaApiStandIn.Credentials.SecretKey,
        };
        if (region is not null)
        {
            environment["AWS_REGION"] = region;
        }

        return environment;
    }

    [Fact]
    public async Task Dry_run_prints_what_it_would_delete_and_why_each_kept_version_stays()
    {
        await using var lambda = LambdaApiStandIn.Start().WithVersions(12, macro: v => v != 3);
        lambda.AddAlias("live", 11, (4, 0.2));
        lambda.AddProvisionedConcurrency("5");

        var run = await CliRun.RunAsync(Keys(), "prune", "orders", "--keep", "2", "--dry-run", "--region", LambdaApiStandIn.Region, "--endpoint", lambda.Endpoint.ToString());

        (run.ExitCode, run.Stderr).Should().Be((0, ""));
        run.Stdout.Should().Be(
            """
            prune orders in eu-west-1: keep the newest 2 of the macro's versions (dry run: nothing is deleted)
            would delete: 1, 2, 6, 7, 8, 9, 10
            kept:
              $LATEST  $LATEST, the function's unpublished code
              12       among the newest 2 the macro published
              11       among the newest 2 the macro published; alias live points to it
              5        provisioned concurrency is configured on it
              4        alias live routes 20% of its traffic to it
              3        not published by the macro (its description does not start with "VersioningMacro <hash>:")

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        lambda.Deletes.Should().BeEmpty();
        lambda.Unsigned.Should().Be(0);
    }

    [Fact]
    public async Task Prune_deletes_and_reports_with_the_region_from_the_environment()
    {
        await using var lambda = LambdaApiStandIn.Start().WithVersions(5);

        var run = await CliRun.RunAsync(Keys(LambdaApiStandIn.Region), "prune", "orders", "--keep", "3", "--endpoint", lambda.Endpoint.ToString());

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("\ndeleted: 1, 2\n");
        lambda.Versions.Should().Equal("3", "4", "5");
    }

    [Fact]
    public async Task A_failed_deletion_is_listed_and_exits_1()
    {
        await using var lambda = LambdaApiStandIn.Start().WithVersions(4);
        lambda.FailDelete(1, 409);

        var run = await CliRun.RunAsync(Keys(), "prune", "orders", "--keep", "2", "--region", LambdaApiStandIn.Region, "--endpoint", lambda.Endpoint.ToString());

        run.ExitCode.Should().Be(1);
        run.Stdout.Should().Contain("deleted: 2\n").And.Contain("failed (skipped):\n  1  409 ResourceConflictException:");
    }

    [Fact]
    public async Task A_failed_listing_deletes_nothing_and_exits_1()
    {
        await using var lambda = LambdaApiStandIn.Start().WithVersions(4);
        for (var i = 0; i < 3; i++)
        {
            lambda.FailList("aliases", 500);
        }

        var run = await CliRun.RunAsync(Keys(), "prune", "orders", "--keep", "1", "--region", LambdaApiStandIn.Region, "--endpoint", lambda.Endpoint.ToString());

        run.ExitCode.Should().Be(1);
        run.Stderr.Should().StartWith("error: listing the function's versions and what uses them failed, so nothing was deleted: 500 ServiceException");
        run.Stdout.Should().Be("prune orders in eu-west-1: keep the newest 1 of the macro's versions\n");
        lambda.Deletes.Should().BeEmpty();
    }

    public static TheoryData<string[], string> UsageErrors => new()
    {
        { ["prune", "--keep", "2"], "prune needs FUNCTION (a function name or ARN)" },
        { ["prune", "orders"], "prune needs --keep N (how many of the macro's newest versions stay)" },
        { ["prune", "orders", "--keep", "0"], "--keep 0 is not a whole number of at least 1" },
        { ["prune", "orders", "--keep", "two"], "--keep two is not a whole number of at least 1" },
        { ["prune", "orders", "--keep", "2", "--keep", "3"], "--keep is given twice" },
        { ["prune", "orders", "--keep", "2", "--endpoint", "ftp://x"], "--endpoint ftp://x is not an http:// or https:// URL" },
        { ["prune", "orders", "--keep", "2", "--s3-endpoint", "http://x"], "unknown option --s3-endpoint for prune; see prune --help" },
        { ["prune", "a", "b", "--keep", "2"], "prune takes one FUNCTION, got 2: a b" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public async Task Usage_errors_exit_2_and_name_the_flag(string[] args, string message)
    {
        var run = await CliRun.RunAsync(args);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().StartWith($"error: {message}\n");
    }

    [Fact]
    public async Task Without_a_region_it_says_how_to_give_one()
    {
        var run = await CliRun.RunAsync(Keys(), "prune", "orders", "--keep", "2", "--endpoint", "http://127.0.0.1:9/");

        (run.ExitCode, run.Stderr).Should().Be((2, "error: no region: give --region R or set AWS_REGION\n"));
    }

    [Fact]
    public async Task Prune_help_documents_its_flags_rules_and_exit_codes()
    {
        var run = await CliRun.RunAsync("prune", "--help");

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("--keep N").And.Contain("--dry-run").And.Contain("--region R").And.Contain("--endpoint URL")
            .And.Contain("$LATEST").And.Contain("alias").And.Contain("provisioned concurrency").And.Contain("event").And.Contain("  130 ");
    }
}

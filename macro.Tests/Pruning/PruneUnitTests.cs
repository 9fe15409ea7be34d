using MacroVersioning.Core.Pruning;

namespace MacroVersioning.Tests.Pruning;

/// <summary>The pure pieces of the decision: recognising the macro's versions, reading qualifiers, the planner's edges.</summary>
public sealed class PruneUnitTests
{
    public static TheoryData<string?, bool> Descriptions => new()
    {
        { "VersioningMacro 0123456789: S3 object; Handler, Runtime", true },
        { "VersioningMacro abcdef0123: inline code", true },
        { "VersioningMacro 0123456789:", true },
        { "VersioningMacro 012345678: short hash", false },
        { "VersioningMacro 0123456789 no colon", false },
        { "VersioningMacro ABCDEF0123: upper case is not ours", false },
        { "[VersioningMacro 0123456789]", false },
        { "Deployed by pipeline VersioningMacro 0123456789: copy", false },
        { "my function 0123456789", false },
        { "", false },
        { null, false },
    };

    public static TheoryData<string?, string?> Qualifiers => new()
    {
        { "7", "7" },
        { "orders:7", "7" },
        { "orders:live", "live" },
        { "orders", null },
        { "arn:aws:lambda:eu-west-1:123456789012:function:orders:12", "12" },
        { "arn:aws:lambda:eu-west-1:123456789012:function:orders", null },
        { "arn:aws-cn:lambda:cn-north-1:123456789012:function:orders:$LATEST", "$LATEST" },
        { "123456789012:function:orders", null },
        { "123456789012:function:orders:3", "3" },
        { "", null },
        { null, null },
    };

    [Theory]
    [MemberData(nameof(Descriptions))]
    public void Macro_versions_are_recognised_by_their_description(string? description, bool expected)
    {
        MacroVersionMark.IsMacroVersion(description).Should().Be(expected);
    }

    [Theory]
    [MemberData(nameof(Qualifiers))]
    public void Qualifier_is_read_from_numbers_names_and_ARNs(string? reference, string? expected)
    {
        VersionQualifier.Of(reference).Should().Be(expected);
    }

    [Fact]
    public void Keep_below_one_keeps_one()
    {
        var inventory = Inventory(5);

        var plan = PrunePlanner.Decide(inventory, new PruneRequest("orders", 0, null, null, DryRun: false));

        plan.Delete.Should().Equal("1", "2", "3", "4");
        plan.Kept.Select(k => k.Version).Should().Equal("$LATEST", "5");
    }

    [Fact]
    public void Versions_are_ordered_by_number_not_text()
    {
        var inventory = Inventory(11);

        var plan = PrunePlanner.Decide(inventory, new PruneRequest("orders", 2, null, null, DryRun: false));

        plan.Kept.Select(k => k.Version).Should().Equal("$LATEST", "11", "10");
        plan.Delete.Should().Equal("1", "2", "3", "4", "5", "6", "7", "8", "9");
    }

    [Fact]
    public void A_version_with_several_protections_lists_them_all()
    {
        var inventory = Inventory(3) with
        {
            Aliases = [new AliasInfo("live", "1", new Dictionary<string, double>()), new AliasInfo("beta", "3", new Dictionary<string, double> { ["1"] = 0.05 })],
            ProvisionedConcurrency = ["arn:aws:lambda:eu-west-1:123456789012:function:orders:1"],
        };

        var plan = PrunePlanner.Decide(inventory, new PruneRequest("orders", 1, "3", "1", DryRun: false));

        plan.Kept.Single(k => k.Version == "1").Reason.Should().Be(
            "held by the stack before this update (a rollback returns to it); alias live points to it; alias beta routes 5% of its traffic to it; provisioned concurrency is configured on it");
        plan.Delete.Should().Equal("2");
    }

    private static VersionInventory Inventory(int count) => new(
        [new FunctionVersionInfo("$LATEST", null), .. Enumerable.Range(1, count).Select(v => new FunctionVersionInfo(v.ToString(System.Globalization.CultureInfo.InvariantCulture), $"VersioningMacro {v:x10}: S3 object"))],
        [], [], []);
}

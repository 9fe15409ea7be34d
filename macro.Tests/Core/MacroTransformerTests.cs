using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;
using MacroVersioning.Tests.Fakes;

namespace MacroVersioning.Tests.Core;

/// <summary>Whole-pipeline promises that no single golden case shows on its own.</summary>
public sealed class MacroTransformerTests
{
    [Fact]
    public void The_input_fragment_is_not_modified()
    {
        var fragment = Functions(2);
        var before = JsonText.ToCompact(fragment);

        Transform.Run(fragment).Succeeded.Should().BeTrue();

        JsonText.ToCompact(fragment).Should().Be(before);
    }

    [Fact]
    public void Existing_keys_keep_their_order_and_additions_come_last()
    {
        var result = Transform.Run(Functions(2));

        result.Fragment!["Resources"]!.AsObject().Select(p => p.Key).Should().StartWith(["Fn0", "Fn1"]);
        result.Fragment.Select(p => p.Key).Should().Equal("Resources", "Outputs");
    }

    [Fact]
    public void Each_distinct_object_is_read_once_however_many_functions_share_it()
    {
        var source = new FakeCodeIdentitySource();
        var fragment = Functions(100, i => $"s3://bucket/artifact-{i % 3}.zip");

        Transform.Run(fragment, source: source).Succeeded.Should().BeTrue();

        source.Calls.Should().ContainSingle().Which.Should().HaveCount(3);
    }

    [Fact]
    public void Additions_past_500_resources_fail_clearly()
    {
        var result = Transform.Run(Functions(251));

        result.Problems.Should().ContainSingle(p => p.Path == "Resources").Which.Message.Should().Contain("502 resources").And.Contain("500");
    }

    [Fact]
    public void Outputs_past_200_fail_clearly_and_name_the_setting()
    {
        var result = Transform.Run(Functions(201));

        result.Problems.Should().ContainSingle(p => p.Path == "Outputs").Which.Message.Should().Contain("Outputs: false");
    }

    [Fact]
    public void All_problems_are_reported_at_once()
    {
        var fragment = Functions(3);
        foreach (var i in new[] { 0, 2 })
        {
            fragment["Resources"]![$"Fn{i}"]!["Properties"]!["Unknown"] = 1;
        }

        Transform.Run(fragment).Problems.Select(p => p.Path).Should().Equal("Resources.Fn0.Properties.Unknown", "Resources.Fn2.Properties.Unknown");
    }

    [Fact]
    public void Reports_say_which_functions_were_versioned_and_why_others_were_not()
    {
        var fragment = Functions(2);
        fragment["Resources"]!["Fn1"]!["Properties"]!["AutoPublishAlias"] = "live";

        var reports = Transform.Run(fragment).Functions;

        reports.Should().HaveCount(2);
        reports.Single(r => r.FunctionId == "Fn0").Reason.Should().Be("code SHA-256; Handler, Runtime");
        reports.Single(r => r.FunctionId == "Fn1").Should().BeEquivalentTo(new { Reason = "code SHA-256; Handler, Runtime", Via = "AutoPublishAlias live" });
    }

    [Fact]
    public void A_property_newer_than_this_release_is_hashed_once_the_user_classifies_it()
    {
        var unclassified = Functions(1);
        unclassified["Resources"]!["Fn0"]!["Properties"]!["FutureSetting"] = "fast";
        var classified = Transform.Parse(unclassified.ToJsonString());
        classified["Resources"]!["Fn0"]!["Metadata"] = new JsonObject { ["VersioningMacro"] = new JsonObject { ["HashedProperties"] = new JsonArray("FutureSetting") } };
        var changed = Transform.Parse(classified.ToJsonString());
        changed["Resources"]!["Fn0"]!["Properties"]!["FutureSetting"] = "slow";

        Transform.Run(unclassified).Problems.Should().ContainSingle().Which.Message.Should().Contain("HashedProperties: [FutureSetting]");
        Transform.VersionId(changed).Should().NotBe(Transform.VersionId(classified));
    }

    private static JsonObject Functions(int count, Func<int, string>? codeUri = null)
    {
        var resources = new JsonObject();
        for (var i = 0; i < count; i++)
        {
            resources[$"Fn{i}"] = new JsonObject
            {
                ["Type"] = "AWS::Serverless::Function",
                ["Properties"] = new JsonObject { ["CodeUri"] = codeUri?.Invoke(i) ?? $"s3://bucket/{i}.zip", ["Handler"] = "a.h", ["Runtime"] = "python3.12" },
            };
        }

        return new JsonObject { ["Resources"] = resources };
    }
}

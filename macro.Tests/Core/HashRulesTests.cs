using System.Text.Json.Nodes;
using static MacroVersioning.Tests.Core.HashRuleTemplates;

namespace MacroVersioning.Tests.Core;

/// <summary>
/// The id contract (SPEC §3) beyond single properties: parameter values, key order and NoEcho keys,
/// and known inputs keep their exact ids across releases. Property by property:
/// <see cref="ServerlessFunctionHashRulesTests"/> and <see cref="LambdaFunctionHashRulesTests"/>.
/// </summary>
public sealed class HashRulesTests
{
    [Fact]
    public void Parameter_values_reach_the_hash()
    {
        var prod = Transform.VersionId(Transform.Parse(ServerlessTemplate), Params(), source: Source());
        var dev = Transform.VersionId(Transform.Parse(ServerlessTemplate), new JsonObject { ["Stage"] = "dev", ["Unused"] = "x" }, source: Source());
        var unusedChanged = Transform.VersionId(Transform.Parse(ServerlessTemplate), new JsonObject { ["Stage"] = "prod", ["Unused"] = "y" }, source: Source());

        dev.Should().NotBe(prod);
        unusedChanged.Should().Be(prod);
    }

    [Fact]
    public void Key_order_does_not_change_the_id()
    {
        var reordered = Transform.Parse(ServerlessTemplate);
        var properties = (JsonObject)reordered["Resources"]!["Fn"]!["Properties"]!;
        var reversed = new JsonObject([.. properties.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))]);
        reordered["Resources"]!["Fn"]!["Properties"] = reversed;

        Transform.VersionId(reordered, Params(), source: Source()).Should().Be(IdWith(ServerlessTemplate, "{}"));
    }

    public static TheoryData<string, string, string> KnownIds() => new()
    {
        { "AWS::Serverless::Function", ServerlessTemplate, "FnVersione9398b61ba" },
        // The same code and configuration as the SAM one: SAM turns that into this very Lambda function.
        { "AWS::Lambda::Function", LambdaTemplate, "FnVersione9398b61ba" },
    };

    [Theory]
    [MemberData(nameof(KnownIds))]
    public void Known_input_keeps_its_exact_id(string type, string template, string id) =>
        IdWith(template, "{}").Should().Be(id, because: $"the id algorithm is a contract for {type}: changing it republishes every function");

    [Fact]
    public void Two_hash_keys_give_different_ids_for_the_same_NoEcho_value()
    {
        var template = Transform.Parse(ServerlessTemplate);
        template["Parameters"]!["Stage"]!["NoEcho"] = true;

        var one = Transform.VersionId(template, Params(), hashKey: "key-one-0123456789", source: Source());
        var two = Transform.VersionId(template, Params(), hashKey: "key-two-0123456789", source: Source());

        one.Should().NotBe(two);
    }
}

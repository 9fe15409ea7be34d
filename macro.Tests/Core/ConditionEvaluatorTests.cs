using System.Text.Json.Nodes;
using MacroVersioning.Core;
using MacroVersioning.Core.Json;
using MacroVersioning.Core.Resolution;

namespace MacroVersioning.Tests.Core;

/// <summary>
/// Conditions decide which Fn::If branch is hashed. Hostile ones (long chains, deep nesting, cycles)
/// must end in a value, "unknown" or a problem: never a stack overflow, which would kill the Lambda.
/// </summary>
public sealed class ConditionEvaluatorTests
{
    private const string UsesC0 = """{"Fn::If":["C0","yes","no"]}""";

    public static TheoryData<string, JsonObject, string, int> Rows() => new()
    {
        { "Short chain evaluates", Chain(10), "\"yes\"", 0 },
        { "Chain at the limit evaluates", Chain(ConditionEvaluator.MaxDepth), "\"yes\"", 0 },
        { "Chain past the limit is a problem", Chain(ConditionEvaluator.MaxDepth + 1), UsesC0, 1 },
        { "Chain of 20,000 is a problem, not a stack overflow", Chain(20_000), UsesC0, 1 },
        { "Fn::Not nested past the limit is a problem", NestedNot(ConditionEvaluator.MaxDepth + 5), UsesC0, 1 },
        { "Cycle stays unknown", Conditions("""{"C0":{"Condition":"C1"},"C1":{"Fn::Not":[{"Condition":"C0"}]}}"""), UsesC0, 0 },
        { "Missing condition stays unknown", Conditions("{}"), UsesC0, 0 },
        {
            "Fn::If inside a condition is not evaluated (CloudFormation forbids it), so conditions cannot recurse through it",
            Conditions("""{"C0":{"Fn::Equals":[{"Fn::If":["C1","a","b"]},"a"]},"C1":{"Fn::Equals":[{"Fn::If":["C0","a","b"]},"a"]}}"""),
            UsesC0,
            0
        },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Evaluates_or_stops_with_a_clear_problem(string name, JsonObject conditions, string expected, int problemCount)
    {
        var problems = new List<Problem>();

        var resolved = Resolver(conditions).ResolveForHash(JsonText.Parse(UsesC0), "Resources.Fn.Properties.Timeout", problems);

        JsonText.ToCompact(resolved).Should().Be(expected, because: name);
        problems.Should().HaveCount(problemCount, because: name);
        problems.Where(p => p.Path != "Resources.Fn.Properties.Timeout" || !p.Message.Contains("uses condition C0") || !p.Message.Contains("simplify"))
            .Should().BeEmpty(because: "a condition too deep to evaluate is named where it is used, with what to do");
    }

    [Fact]
    public void A_condition_cut_short_is_not_remembered_as_its_value()
    {
        var resolver = Resolver(Chain(ConditionEvaluator.MaxDepth + 1));
        var problems = new List<Problem>();

        resolver.ResolveForHash(JsonText.Parse(UsesC0), "A", problems);
        resolver.ResolveForHash(JsonText.Parse(UsesC0), "B", problems);

        problems.Select(p => p.Path).Should().Equal("A", "B");
    }

    [Fact]
    public void A_chain_past_the_limit_that_doubles_at_every_step_stops_at_the_first_cut()
    {
        // Each condition uses the next twice: evaluating every path would take 2^64 steps.
        var conditions = new JsonObject();
        for (var i = 0; i < 200; i++)
        {
            conditions[$"C{i}"] = JsonText.Parse($$"""{"Fn::And":[{"Condition":"C{{i + 1}}"},{"Fn::Not":[{"Condition":"C{{i + 1}}"}]}]}""");
        }

        conditions["C200"] = JsonText.Parse("""{"Fn::Equals":["a","a"]}""");
        var problems = new List<Problem>();

        var resolved = Resolver(conditions).ResolveForHash(JsonText.Parse(UsesC0), "X", problems);

        JsonText.ToCompact(resolved).Should().Be(UsesC0);
        problems.Should().ContainSingle();
    }

    private static JsonObject Chain(int length)
    {
        var conditions = new JsonObject();
        for (var i = 0; i < length; i++)
        {
            conditions[$"C{i}"] = new JsonObject { ["Condition"] = $"C{i + 1}" };
        }

        conditions[$"C{length}"] = JsonText.Parse("""{"Fn::Equals":["a","a"]}""");
        return conditions;
    }

    private static JsonObject NestedNot(int depth)
    {
        JsonNode expression = JsonText.Parse("""{"Fn::Equals":["a","b"]}""")!;
        for (var i = 0; i < depth; i++)
        {
            expression = new JsonObject { ["Fn::Not"] = new JsonArray(expression) };
        }

        return new JsonObject { ["C0"] = expression };
    }

    private static JsonObject Conditions(string json) => (JsonObject)JsonText.Parse(json)!;

    private static IntrinsicResolver Resolver(JsonObject conditions) =>
        new(new TemplateContext(new JsonObject { ["Conditions"] = conditions, ["Resources"] = new JsonObject() }, [], "us-east-1", "123456789012", null));
}

using System.Text.Json.Nodes;
using MacroVersioning.Core;
using MacroVersioning.Core.Json;
using MacroVersioning.Tests.Fakes;

namespace MacroVersioning.Tests.Core;

/// <summary>
/// KeepVersions adds one Custom::VersioningMacroPrune per function, naming the function, N and the version
/// this deployment adds; absent keeps every version (no resource); a wrong value is a problem naming it.
/// </summary>
public sealed class PruneResourceTests
{
    private const string Fn = """{"Type":"AWS::Serverless::Function","Properties":{"CodeUri":"s3://b/a.zip","Handler":"a.h","Runtime":"python3.12"}}""";

    private const string ArnToken = "arn:aws:lambda:us-east-1:123456789012:function:VersioningMacro";

    private static JsonObject Template(string functions = "\"Fn\":" + Fn) => Transform.Parse("{\"Resources\":{" + functions + "}}");

    private static string WithMetadata(string metadata) => Fn.Replace("{\"Type\"", "{\"Metadata\":{\"VersioningMacro\":" + metadata + "},\"Type\"", StringComparison.Ordinal);

    private static TransformResult Run(JsonObject fragment, JsonObject? macroParams = null, string? serviceToken = null) =>
        MacroTransformer.TransformAsync(
            new MacroRequest(fragment, [], macroParams ?? [], "us-east-1", "123456789012"),
            TransformOptions.Lambda(null) with { ServiceToken = serviceToken },
            new FakeCodeIdentitySource(),
            CancellationToken.None).GetAwaiter().GetResult();

    [Fact]
    public void The_resource_names_the_function_the_count_and_the_version_just_added()
    {
        var result = Run(Template(), Transform.Parse("""{"KeepVersions":3}"""), ArnToken);

        result.Problems.Should().BeEmpty();
        var versionId = result.Functions.Single().VersionId;
        JsonText.ToCompact(result.Fragment!["Resources"]!["FnVersionPrune"]).Should().Be(
            """{"Type":"Custom::VersioningMacroPrune","DeletionPolicy":"Retain","UpdateReplacePolicy":"Retain","Properties":{"ServiceToken":""" + $"\"{ArnToken}\""
            + ""","FunctionName":{"Ref":"Fn"},"KeepVersions":3,"Version":{"Ref":""" + $"\"{versionId}\"" + "}}}");
        result.Functions.Single().KeepVersions.Should().Be(3);
    }

    [Fact]
    public void Without_a_service_token_it_names_the_function_macro_template_deploys()
    {
        var result = Run(Template(), Transform.Parse("""{"KeepVersions":3}"""));

        JsonText.ToCompact(result.Fragment!["Resources"]!["FnVersionPrune"]!["Properties"]!["ServiceToken"]).Should()
            .Be("""{"Fn::Sub":"arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:VersioningMacro"}""");
    }

    [Fact]
    public void Absent_means_keep_every_version_and_adds_nothing()
    {
        var result = Run(Template());

        result.Fragment!["Resources"]!.AsObject().Select(r => r.Key).Should().NotContain(k => k.EndsWith("VersionPrune", StringComparison.Ordinal));
        result.Functions.Single().KeepVersions.Should().BeNull();
    }

    [Fact]
    public void A_function_overrides_the_macro_wide_count_or_keeps_all()
    {
        var fragment = Template("\"A\":" + Fn + ",\"B\":" + WithMetadata("""{"KeepVersions":"7"}""") + ",\"C\":" + WithMetadata("""{"KeepVersions":"all"}"""));

        var result = Run(fragment, Transform.Parse("""{"KeepVersions":"2"}"""));

        result.Problems.Should().BeEmpty();
        var resources = result.Fragment!["Resources"]!;
        JsonText.ScalarText(resources["AVersionPrune"]!["Properties"]!["KeepVersions"]).Should().Be("2");
        JsonText.ScalarText(resources["BVersionPrune"]!["Properties"]!["KeepVersions"]).Should().Be("7");
        resources.AsObject().ContainsKey("CVersionPrune").Should().BeFalse();
    }

    [Fact]
    public void An_opted_out_function_gets_no_prune_resource()
    {
        var result = Run(Template("\"Fn\":" + WithMetadata("""{"Enabled":false}""")), Transform.Parse("""{"KeepVersions":3}"""));

        result.Problems.Should().BeEmpty();
        result.Fragment!["Resources"]!.AsObject().ContainsKey("FnVersionPrune").Should().BeFalse();
    }

    [Fact]
    public void The_condition_of_the_function_is_copied()
    {
        var fragment = Transform.Parse("{\"Conditions\":{\"On\":{\"Fn::Equals\":[\"a\",\"a\"]}},\"Resources\":{\"Fn\":" + Fn.Replace("{\"Type\"", "{\"Condition\":\"On\",\"Type\"", StringComparison.Ordinal) + "}}");

        var result = Run(fragment, Transform.Parse("""{"KeepVersions":1}"""));

        JsonText.ScalarText(result.Fragment!["Resources"]!["FnVersionPrune"]!["Condition"]).Should().Be("On");
    }

    [Fact]
    public void An_auto_publish_alias_function_names_the_version_SAM_adds()
    {
        var result = Run(Template("\"Fn\":" + Fn.Replace("\"Runtime\"", "\"AutoPublishAlias\":\"live\",\"Runtime\"", StringComparison.Ordinal)), Transform.Parse("""{"KeepVersions":2}"""));

        result.Problems.Should().BeEmpty();
        JsonText.ToCompact(result.Fragment!["Resources"]!["FnVersionPrune"]!["Properties"]!["Version"]).Should().Be("""{"Ref":"Fn.Version"}""");
    }

    public static TheoryData<string, string> BadValues() => new()
    {
        { "0", "0" },
        { "-1", "-1" },
        { "1.5", "1.5" },
        { "\"three\"", "\"three\"" },
        { "true", "true" },
        { "[3]", "[3]" },
        { "{\"N\":3}", "{\"N\":3}" },
        { "\"\"", "\"\"" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_value_that_is_not_a_whole_number_of_at_least_1_is_a_problem_naming_it(string value, string shown)
    {
        var macroWide = Run(Template(), Transform.Parse($$"""{"KeepVersions":{{value}}}"""));
        var perFunction = Run(Template("\"Fn\":" + WithMetadata($$"""{"KeepVersions":{{value}}}""")));

        macroWide.Problems.Should().ContainSingle().Which.ToString().Should()
            .Be($"Transform.VersioningMacro.Parameters.KeepVersions: must be a whole number of at least 1 (how many of the macro's newest versions to keep; older ones it published are deleted) or all, not {shown}");
        perFunction.Problems.Should().ContainSingle().Which.ToString().Should().StartWith("Resources.Fn.Metadata.VersioningMacro.KeepVersions: must be a whole number of at least 1");
    }

    [Fact]
    public void An_existing_resource_with_the_id_is_a_problem()
    {
        var result = Run(Template("\"Fn\":" + Fn + ",\"FnVersionPrune\":{\"Type\":\"AWS::SNS::Topic\"}"), Transform.Parse("""{"KeepVersions":3}"""));

        result.Problems.Should().ContainSingle().Which.ToString().Should().StartWith("Resources.FnVersionPrune: already exists").And.Contain("remove KeepVersions");
    }

    [Fact]
    public void Prune_resources_count_towards_the_500_resources()
    {
        var functions = string.Join(",", Enumerable.Range(0, 167).Select(i => $"\"Fn{i}\":" + Fn));

        var result = Run(Template(functions), Transform.Parse("""{"KeepVersions":3,"Outputs":false}"""));

        result.Problems.Should().ContainSingle().Which.ToString().Should().Contain("501 resources").And.Contain("remove KeepVersions");
    }

    [Fact]
    public void The_version_id_does_not_depend_on_KeepVersions()
    {
        var without = Run(Template());
        var with = Run(Template(), Transform.Parse("""{"KeepVersions":3}"""));

        with.Functions.Single().VersionId.Should().Be(without.Functions.Single().VersionId);
    }
}

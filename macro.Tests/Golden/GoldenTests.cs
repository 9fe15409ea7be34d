using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;

namespace MacroVersioning.Tests.Golden;

/// <summary>
/// Runs every folder of <c>Fixtures/</c> through the core and compares with the stored result. Set
/// <c>UPDATE_GOLDEN=1</c> to rewrite the expected files from the actual output, then review the diff.
/// </summary>
public sealed class GoldenTests
{
    public static TheoryData<string> Cases() => [.. GoldenCase.All().Select(c => c.Name)];

    [Fact]
    public void There_are_enough_cases_to_pin_the_behaviour() =>
        GoldenCase.All().Count(c => !c.Name.StartsWith(GoldenCase.ExamplePrefix, StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(20);

    [Fact]
    public void Every_example_with_a_template_is_a_golden_case_too() =>
        GoldenCase.All().Select(c => c.Name).Should().Contain(["example/classic", "example/globals-params-layer"]);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Case_matches_its_expected_output(string name)
    {
        var golden = GoldenCase.Find(name);

        var result = await golden.RunAsync();

        var actual = result.Succeeded
            ? JsonText.ToIndented(result.Fragment)
            : string.Join("\n", result.Problems) + "\n";
        var expectedFile = result.Succeeded ? golden.ExpectedJson : golden.ExpectedError;
        if (Environment.GetEnvironmentVariable(GoldenCase.UpdateVariable) == "1")
        {
            Directory.CreateDirectory(golden.Data);
            File.Delete(golden.ExpectedJson);
            File.Delete(golden.ExpectedError);
            await File.WriteAllTextAsync(expectedFile, actual);
        }

        result.Succeeded.Should().Be(!golden.IsError, because: "error_* cases must fail and others succeed; problems: {0}", string.Join("; ", result.Problems));
        File.Exists(expectedFile).Should().BeTrue($"{expectedFile} must exist (run with {GoldenCase.UpdateVariable}=1 to create it, then review)");
        var expected = await File.ReadAllTextAsync(expectedFile);
        if (result.Succeeded)
        {
            JsonNode.DeepEquals(JsonText.Parse(expected), result.Fragment).Should().BeTrue($"the output of {name} should equal expected.json; actual:\n{actual}");
        }
        else
        {
            actual.Should().Be(expected);
        }
    }
}

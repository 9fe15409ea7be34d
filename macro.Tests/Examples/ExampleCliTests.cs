using System.Text.Json.Nodes;
using MacroVersioning.Cli;
using MacroVersioning.Core.Json;
using MacroVersioning.Tests.Cli;
using MacroVersioning.Tests.Golden;

namespace MacroVersioning.Tests.Examples;

/// <summary>
/// What a user sees when running the README's first command (and its variants with parameters) on each
/// example: the CLI's stdout is the example's golden output with the remaining transforms put back,
/// and the stderr summary names every function with the version id the output carries.
/// </summary>
public sealed class ExampleCliTests
{
    public static TheoryData<string> Examples() =>
        [.. GoldenCase.All().Where(c => c.Name.StartsWith(GoldenCase.ExamplePrefix, StringComparison.Ordinal)).Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task The_cli_prints_the_examples_golden_output_and_names_each_version(string name)
    {
        var golden = GoldenCase.Find(name);
        var settings = golden.Settings();
        var args = new List<string> { "transform", TemplateFiles.Find(golden.Directory)! };
        foreach (var (parameter, value) in settings["parameters"] as JsonObject ?? [])
        {
            args.AddRange(["--param", $"{parameter}={JsonText.ScalarText(value)}"]);
        }

        if (JsonText.ScalarText(settings["codeIdentity"]) is { } mode)
        {
            args.AddRange(["--code-identity", mode]);
        }

        var environment = new Dictionary<string, string>();
        if (JsonText.ScalarText(settings["hashKey"]) is { } key)
        {
            environment[HashKeySource.EnvironmentVariable] = key;
        }

        var run = await CliRun.RunAsync(environment, [.. args]);

        run.ExitCode.Should().Be(0, run.Stderr);
        var output = JsonNode.Parse(run.Stdout)!.AsObject();
        output.Remove("Transform");
        var expected = JsonText.Parse(await File.ReadAllTextAsync(golden.ExpectedJson))!.AsObject();
        var versions = expected["Resources"]!.AsObject()
            .Where(r => JsonText.ScalarText(r.Value?["Type"]) == "AWS::Lambda::Version")
            .Select(r => r.Key)
            .ToList();
        versions.Should().NotBeEmpty();
        foreach (var version in versions)
        {
            run.Stderr.Should().Contain(version);
        }

        JsonNode.DeepEquals(output, expected).Should().BeTrue($"the CLI's output for {name} should be {golden.ExpectedJson}; it printed:\n{run.Stdout}");
    }
}

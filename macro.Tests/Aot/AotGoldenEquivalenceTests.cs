using System.Text.Json.Nodes;
using MacroVersioning.Cli;
using MacroVersioning.Core.Json;
using MacroVersioning.Tests.Golden;

namespace MacroVersioning.Tests.Aot;

/// <summary>
/// Every golden fixture and example through <c>transform</c> in both builds, byte for byte: once as
/// the case is set up (its code from s3rver, its hash key, parameters and region) and once with
/// <c>--code-identity location</c>, so both the read path and the pure transform are compared. The
/// examples' AOT output is their golden output too.
/// </summary>
public sealed class AotGoldenEquivalenceTests(GoldenS3rverFixture s3) : IClassFixture<GoldenS3rverFixture>
{
    public const string AsTheCaseSays = "as-set-up";

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var golden in GoldenCase.All())
        {
            data.Add(golden.Name, AsTheCaseSays);
            data.Add(golden.Name, "location");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_aot_build_transforms_the_case_as_the_jit_build_does(string name, string codeIdentity)
    {
        var golden = GoldenCase.Find(name);
        var settings = golden.Settings();
        var args = new List<string>
        {
            "transform", TemplateFiles.Find(golden.Directory)!,
            "--region", JsonText.ScalarText(settings["region"]) ?? "us-east-1",
            "--account", JsonText.ScalarText(settings["accountId"]) ?? "123456789012",
            "--s3-endpoint", s3.Endpoint.ToString(),
        };
        foreach (var (parameter, value) in settings["parameters"] as JsonObject ?? [])
        {
            args.AddRange(["--param", $"{parameter}={JsonText.ScalarText(value)}"]);
        }

        if ((codeIdentity == AsTheCaseSays ? JsonText.ScalarText(settings["codeIdentity"]) : codeIdentity) is { } mode)
        {
            args.AddRange(["--code-identity", mode]);
        }

        var environment = new Dictionary<string, string?> { [HashKeySource.EnvironmentVariable] = JsonText.ScalarText(settings["hashKey"]) };

        var aot = await MacroProcess.SameFromBothAsync(args, RepoPaths.Root, environment);

        if (name.StartsWith(GoldenCase.ExamplePrefix, StringComparison.Ordinal) && codeIdentity == AsTheCaseSays)
        {
            aot.ExitCode.Should().Be(0, aot.Describe());
            var output = JsonNode.Parse(aot.StandardOutput)!.AsObject();
            output.Remove("Transform");
            var expected = JsonText.Parse(await File.ReadAllTextAsync(golden.ExpectedJson));
            JsonNode.DeepEquals(output, expected).Should().BeTrue($"the AOT build's output for {name} should be {golden.ExpectedJson}");
        }
    }
}

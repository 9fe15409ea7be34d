using System.Text.Json;
using System.Text.Json.Nodes;
using MacroVersioning.Core;
using MacroVersioning.Core.Json;
using MacroVersioning.Tests.Golden;
using MacroVersioning.Tests.Tools;

namespace MacroVersioning.Tests.Properties;

/// <summary>
/// AutoPublishAlias through the real SAM translator 1.110.0: for generated functions and every single
/// mutation (<see cref="AliasTemplates.Mutations"/>), SAM's version id for the macro's output changes
/// if and only if our hash changes, the hash changes exactly when Lambda would see the change, and
/// whenever SAM's id changes the AWS::Lambda::Function it generates changes too (never "A version for
/// this Lambda function exists"). SAM's output for the original templates is checked alongside, to
/// show that the run reaches the failures SAM alone has (stale versions and "version exists").
/// All templates go through one Python process. <c>ALIAS_SAM_SEEDS=40</c> runs more seeds.
/// </summary>
public sealed class AutoPublishAliasSamTests
{
    private const int DefaultSeeds = 6;

    /// <summary>What Lambda does not snapshot into a version, on the generated AWS::Lambda::Function.</summary>
    private static readonly string[] NotVersioned = ["Tags", "ReservedConcurrentExecutions", "Code"];

    [Fact]
    public async Task SAMs_version_follows_our_hash_exactly_and_never_without_a_change_Lambda_sees()
    {
        var variants = Variants();
        var sam = await RunSamAsync(variants);
        var failures = new List<string>();
        var (staleAlone, existsAlone) = (0, 0);
        foreach (var variant in variants.Where(v => v.Mutation is not null))
        {
            var baseline = variants.Single(v => v.Seed == variant.Seed && v.Mutation is null);
            foreach (var function in new[] { "Fn0", "Fn1" })
            {
                var why = Check(variant, baseline, function, sam);
                if (why is not null)
                {
                    failures.Add($"seed {variant.Seed}, {variant.Mutation!.Name}, {function}: {why}");
                }
            }

            var (before, after) = (sam[baseline.Name("sam")], sam[variant.Name("sam")]);
            var aloneMoved = Version(before, "Fn0") != Version(after, "Fn0");
            var lambdaSees = LambdaSees(before, after, baseline, variant);
            staleAlone += lambdaSees && !aloneMoved ? 1 : 0;
            existsAlone += aloneMoved && !lambdaSees ? 1 : 0;
        }

        failures.Should().BeEmpty("first template: {0}", AliasTemplates.Describe(variants[0].Original));
        (staleAlone, existsAlone).Should().Match<(int Stale, int Exists)>(
            c => c.Stale > 0 && c.Exists > 0, "SAM alone publishes stale versions and hits \"version exists\" in this run; the macro must not");
    }

    private static string? Check(Variant variant, Variant baseline, string function, IReadOnlyDictionary<string, JsonObject> sam)
    {
        var (before, after) = (sam[baseline.Name("macro")], sam[variant.Name("macro")]);
        var (ourBefore, ourAfter) = (baseline.Report(function), variant.Report(function));
        if (Version(before, function) != ourBefore || Version(after, function) != ourAfter)
        {
            return $"SAM named the version {Version(before, function)} / {Version(after, function)}, the macro reported {ourBefore} / {ourAfter}";
        }

        var ourHashMoved = ourBefore != ourAfter;
        var expected = function == "Fn0" && variant.Mutation!.NewVersion;
        if (ourHashMoved != expected)
        {
            return expected ? "a change that must publish a version kept the id (stale)" : "a change Lambda does not see moved the version";
        }

        if (ourHashMoved && !FunctionChanged(before, after, function))
        {
            return "SAM's version id changed but its AWS::Lambda::Function did not: \"version exists\"";
        }

        var (aloneBefore, aloneAfter) = (sam[baseline.Name("sam")], sam[variant.Name("sam")]);
        return function == "Fn0" && LambdaSees(aloneBefore, aloneAfter, baseline, variant) && !ourHashMoved
            ? "Lambda sees a change but the version stayed"
            : null;
    }

    private static bool LambdaSees(JsonObject before, JsonObject after, Variant baseline, Variant variant) =>
        FunctionChanged(before, after, "Fn0") || CodeBytes(baseline) != CodeBytes(variant);

    private static string CodeBytes(Variant variant) => variant.Objects.Single(o => o.Key.Contains("/fn0-", StringComparison.Ordinal)).Value;

    private static bool FunctionChanged(JsonObject before, JsonObject after, string function) =>
        !JsonNode.DeepEquals(Versioned(before, function), Versioned(after, function));

    private static JsonObject Versioned(JsonObject result, string function)
    {
        var properties = result["functions"]![function]!.DeepClone().AsObject();
        foreach (var name in NotVersioned)
        {
            properties.Remove(name);
        }

        return properties;
    }

    private static string? Version(JsonObject result, string function) => result["versions"]?[function]?.GetValue<string>();

    private static List<Variant> Variants()
    {
        var seeds = int.TryParse(Environment.GetEnvironmentVariable("ALIAS_SAM_SEEDS"), out var n) ? n : DefaultSeeds;
        var variants = new List<Variant>();
        for (var seed = 1; seed <= seeds; seed++)
        {
            var (template, objects) = AliasTemplates.Generate(seed);
            foreach (var mutation in AliasTemplates.Mutations.Prepend(null))
            {
                var (copy, contents) = (template.DeepClone().AsObject(), new Dictionary<string, string>(objects, StringComparer.Ordinal));
                mutation?.Apply(copy, contents);
                var source = new Fakes.FakeCodeIdentitySource { ServeAnyObject = false };
                foreach (var (uri, content) in contents)
                {
                    source.Put(uri, content);
                }

                var result = Core.Transform.Run(copy.DeepClone().AsObject(), source: source);
                result.Problems.Should().BeEmpty("seed {0}, {1}: {2}", seed, mutation?.Name ?? "baseline", AliasTemplates.Describe(copy));
                variants.Add(new Variant(seed, mutation, copy, contents, result));
            }
        }

        return variants;
    }

    private static async Task<Dictionary<string, JsonObject>> RunSamAsync(List<Variant> variants)
    {
        var batch = new JsonArray();
        foreach (var variant in variants)
        {
            batch.Add(new JsonObject { ["name"] = variant.Name("macro"), ["template"] = variant.Result.Fragment!.DeepClone() });
            batch.Add(new JsonObject { ["name"] = variant.Name("sam"), ["template"] = variant.Original.DeepClone() });
        }

        var work = Directory.CreateTempSubdirectory("alias_sam");
        try
        {
            var file = Path.Combine(work.FullName, "batch.json");
            await File.WriteAllTextAsync(file, batch.ToJsonString());
            var script = Path.Combine(RepoPaths.Root, "macro.Tests", "Properties", "sam_versions.py");
            var outcome = await ExternalProcess.RunAsync(
                "python3", [script, file], work.FullName, new Dictionary<string, string?> { ["PYTHONDONTWRITEBYTECODE"] = "1" }, TimeSpan.FromMinutes(5));
            outcome.ExitCode.Should().Be(0, "sam_versions.py needs {0}: {1}", E2E.SamCheckRunner.Install, outcome.StandardOutput + outcome.StandardError);
            var results = JsonNode.Parse(outcome.StandardOutput)!["results"]!.AsObject();
            var errors = results.Where(r => r.Value?["error"] is not null).Select(r => $"{r.Key}: {r.Value!["error"]}").ToList();
            errors.Should().BeEmpty("SAM must accept every generated template and the macro's output for it");
            return results.ToDictionary(r => r.Key, r => r.Value!.AsObject());
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException("sam_versions.py printed no report", e);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private sealed record Variant(int Seed, AliasTemplates.Mutation? Mutation, JsonObject Original, Dictionary<string, string> Objects, TransformResult Result)
    {
        public string Name(string kind) => $"{Seed}/{Mutation?.Name ?? "baseline"}/{kind}";

        public string? Report(string function) => Result.Functions.Single(f => f.FunctionId == function).VersionId;

        public override string ToString() => $"{Name("")} {JsonText.ToCompact(Original)}";
    }
}

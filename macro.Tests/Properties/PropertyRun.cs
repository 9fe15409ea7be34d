using System.Text;
using System.Text.Json.Nodes;
using MacroVersioning.Core;
using MacroVersioning.Tests.Core;
using MacroVersioning.Tests.Fakes;

namespace MacroVersioning.Tests.Properties;

/// <summary>
/// Runs a property over many generated templates and fails once, naming every failing seed with what
/// went wrong and the first failing template in full. <c>PROPERTY_SEEDS=17</c> or <c>PROPERTY_SEEDS=1-5000</c>
/// reruns chosen seeds.
/// </summary>
internal static class PropertyRun
{
    public const string SeedsVariable = "PROPERTY_SEEDS";

    /// <summary>Seeds per property and run: hundreds, within a few seconds on two cores.</summary>
    public const int DefaultSeeds = 300;

    public const string HashKey = "generated-templates-hash-key";

    public static IReadOnlyList<int> Seeds()
    {
        var text = Environment.GetEnvironmentVariable(SeedsVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [.. Enumerable.Range(1, DefaultSeeds)];
        }

        var range = text.Split('-', 2);
        var first = int.Parse(range[0]);
        return range.Length == 1 ? [first] : [.. Enumerable.Range(first, int.Parse(range[1]) - first + 1)];
    }

    /// <param name="check">Returns why the seed fails, or null when the property holds for it.</param>
    public static void ForEachSeed(Func<GeneratedTemplate, string?> check)
    {
        var failures = new List<(GeneratedTemplate Template, string Why)>();
        foreach (var seed in Seeds())
        {
            var template = TemplateGenerator.Generate(seed);
            string? why;
            try
            {
                why = check(template);
            }
            catch (Exception e)
            {
                why = $"threw {e}";
            }

            if (why is not null)
            {
                failures.Add((template, why));
            }
        }

        failures.Select(f => f.Template.Seed).Should().BeEmpty("{0}", Report(failures));
    }

    public static TransformResult Transform(GeneratedTemplate template, JsonObject fragment, string? hashKey = HashKey) =>
        Core.Transform.Run(fragment, (JsonObject)template.ParameterValues.DeepClone(), hashKey: hashKey, source: new FakeCodeIdentitySource());

    /// <summary>Function id → version id (null when skipped).</summary>
    public static Dictionary<string, string?> Ids(TransformResult result) =>
        result.Functions.ToDictionary(f => f.FunctionId, f => f.VersionId);

    public static string Problems(TransformResult result) => string.Join("; ", result.Problems);

    private static string Report(List<(GeneratedTemplate Template, string Why)> failures)
    {
        if (failures.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder($"{failures.Count} seeds fail (rerun one with {SeedsVariable}=<seed>): {string.Join(", ", failures.Select(f => f.Template.Seed))}\n");
        foreach (var (template, why) in failures.Take(5))
        {
            text.Append($"seed {template.Seed}: {why}\n");
        }

        return text.Append($"first failing template: {failures[0].Template}\n").ToString();
    }
}

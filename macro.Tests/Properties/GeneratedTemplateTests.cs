using System.Text;
using System.Text.Json.Nodes;
using MacroVersioning.Core;
using MacroVersioning.Core.Json;
using MacroVersioning.Lambda;
using MacroVersioning.Tests.Fakes;

namespace MacroVersioning.Tests.Properties;

/// <summary>
/// Properties of the transform over hundreds of generated templates per run (seeded: the same seeds
/// every run, any seed reproducible with <c>PROPERTY_SEEDS</c>).
/// </summary>
public sealed class GeneratedTemplateTests
{
    [Fact]
    public void The_output_minus_our_additions_is_exactly_the_input() => PropertyRun.ForEachSeed(template =>
    {
        var input = template.Fragment();
        var result = PropertyRun.Transform(template, template.Fragment());
        if (!result.Succeeded)
        {
            return $"a valid template failed: {PropertyRun.Problems(result)}";
        }

        var addedVersions = result.Functions.Where(f => f.Versioned && f.Via is null).Select(f => result.Fragment!["Resources"]![f.VersionId!]?["Type"]?.GetValue<string>());
        if (addedVersions.Any(type => type != "AWS::Lambda::Version"))
        {
            return "a reported version is not an AWS::Lambda::Version in the output";
        }

        // SAM adds these (named after the value the macro sets); the macro must not.
        var steered = result.Functions.Where(f => f.Via is not null).ToList();
        if (steered.Any(f => result.Fragment!["Resources"]![f.VersionId!] is not null
            || result.Fragment!["Resources"]![f.FunctionId]!["Properties"]!["AutoPublishCodeSha256"]?.GetValue<string>() != f.VersionId![$"{f.FunctionId}Version".Length..]))
        {
            return "an AutoPublishAlias function got a version of the macro's own, or an AutoPublishCodeSha256 other than its reported id's hash";
        }

        var wrongReferences = new List<string>();
        var rest = OurAdditions.Remove(input, result.Fragment!, result.Functions, wrongReferences);
        return wrongReferences.Count > 0 ? "references to versions not rewritten as promised: " + string.Join("; ", wrongReferences)
            : JsonNode.DeepEquals(rest, input) && JsonText.ToCompact(rest) == JsonText.ToCompact(input) ? null
            : $"the output minus the additions differs from the input (values or key order):\n  input: {JsonText.ToCompact(input)}\n  rest:  {JsonText.ToCompact(rest)}";
    });

    [Fact]
    public void The_generator_reaches_AutoPublishAlias_functions()
    {
        var steered = Enumerable.Range(1, 30).Select(TemplateGenerator.Generate)
            .Count(t => PropertyRun.Transform(t, t.Fragment()).Functions.Any(f => f.Via is not null));

        steered.Should().BeGreaterThan(5, "every third seed puts AutoPublishAlias on a SAM function");
    }

    [Fact]
    public void The_same_input_gives_byte_identical_output() => PropertyRun.ForEachSeed(template =>
    {
        var first = PropertyRun.Transform(template, template.Fragment());
        var second = PropertyRun.Transform(template, template.Fragment());

        if (JsonText.ToIndented(first.Fragment) != JsonText.ToIndented(second.Fragment) || !first.Functions.SequenceEqual(second.Functions))
        {
            return "two runs of the core over the same input differ";
        }

        // The Lambda's answer, as CloudFormation receives it: two invocations of one warm handler on one body.
        var body = JsonText.ToCompact(new JsonObject
        {
            ["region"] = "us-east-1",
            ["accountId"] = "123456789012",
            ["fragment"] = template.Fragment(),
            ["transformId"] = "123456789012::VersioningMacro",
            ["params"] = new JsonObject(),
            ["requestId"] = $"req-{template.Seed}",
            ["templateParameterValues"] = template.ParameterValues.DeepClone(),
        });
        var handler = new MacroHandler(_ => new FakeCodeIdentitySource(), TransformOptions.Lambda(Encoding.UTF8.GetBytes(PropertyRun.HashKey)), TextWriter.Null);
        var responses = new[] { handler.HandleAsync(body, CancellationToken.None).GetAwaiter().GetResult(), handler.HandleAsync(body, CancellationToken.None).GetAwaiter().GetResult() };
        return JsonNode.Parse(responses[0])?["status"]?.GetValue<string>() != "success" ? $"the handler failed: {responses[0]}"
            : responses[0] != responses[1] ? $"two handler responses to the same body differ:\n  {responses[0]}\n  {responses[1]}"
            : null;
    });

    [Fact]
    public void Reordered_keys_and_requoted_scalars_keep_every_id() => PropertyRun.ForEachSeed(template =>
    {
        var mutations = new TemplateMutations(template.Seed);
        var changed = mutations.ReorderKeys(template.Fragment());
        TemplateMutations.Requote(changed);

        var before = PropertyRun.Ids(PropertyRun.Transform(template, template.Fragment()));
        var after = PropertyRun.Transform(template, changed);

        return after.Succeeded && Same(before, PropertyRun.Ids(after))
            ? null
            : $"ids changed after reordering and requoting: {Describe(before)} -> {Describe(PropertyRun.Ids(after))} {PropertyRun.Problems(after)}\n  changed: {JsonText.ToCompact(changed)}";
    });

    [Fact]
    public void A_version_locked_change_gives_that_function_alone_a_new_id() => PropertyRun.ForEachSeed(template =>
    {
        var before = PropertyRun.Ids(PropertyRun.Transform(template, template.Fragment()));
        var mutations = new TemplateMutations(template.Seed);
        var failures = new List<string>();
        foreach (var functionId in before.Keys)
        {
            foreach (var change in new Func<JsonObject, string?>[]
            {
                f => mutations.ChangeLocked(f, functionId),
                f => mutations.ChangeLockedLeaf(f, functionId),
                f => mutations.ChangeCode(f, functionId),
            })
            {
                var fragment = template.Fragment();
                if (change(fragment) is not { } what)
                {
                    continue;
                }

                var after = PropertyRun.Ids(PropertyRun.Transform(template, fragment));
                var expectedSame = before.Where(p => p.Key != functionId);
                if (after.GetValueOrDefault(functionId) is null || after[functionId] == before[functionId] || expectedSame.Any(p => after.GetValueOrDefault(p.Key) != p.Value))
                {
                    failures.Add($"{what}: {Describe(before)} -> {Describe(after)}");
                }
            }
        }

        return failures.Count == 0 ? null : string.Join("; ", failures);
    });

    [Fact]
    public void Globals_parameter_layer_and_referenced_resource_changes_re_id_exactly_the_functions_they_reach()
    {
        var reached = new Dictionary<string, int> { ["globals"] = 0, ["parameter"] = 0, ["layer"] = 0, ["reference"] = 0 };
        PropertyRun.ForEachSeed(template =>
        {
            var before = PropertyRun.Ids(PropertyRun.Transform(template, template.Fragment()));
            var mutations = new SharedMutations(template.Seed);
            var failures = new List<string>();
            foreach (var (kind, change) in new (string, Func<JsonObject, JsonObject, string?>)[]
            {
                ("globals", (f, _) => mutations.ChangeGlobals(f)),
                ("parameter", (_, p) => mutations.ChangeParameter(p)),
                ("layer", (f, _) => mutations.ChangeLayer(f)),
                ("reference", (f, _) => mutations.ChangeReferencedResource(f)),
            })
            {
                var (fragment, parameters) = (template.Fragment(), (JsonObject)template.ParameterValues.DeepClone());
                if (change(fragment, parameters) is not { } what)
                {
                    continue;
                }

                var expected = VersionInputs.Affected(template.Fragment(), fragment, template.ParameterValues, parameters);
                var after = PropertyRun.Ids(PropertyRun.Transform(template with { ParameterValues = parameters }, fragment));
                reached[kind] += expected.Count > 0 ? 1 : 0;
                if (before.Keys.Any(id => expected.Contains(id) ? after.GetValueOrDefault(id) is null || after[id] == before[id] : after.GetValueOrDefault(id) != before[id]))
                {
                    failures.Add($"{what} should re-id [{string.Join(", ", expected)}] only: {Describe(before)} -> {Describe(after)}");
                }
            }

            return failures.Count == 0 ? null : string.Join("; ", failures);
        });

        // Guards the generator: each kind of change must reach some function in a full run.
        if (PropertyRun.Seeds().Count >= PropertyRun.DefaultSeeds)
        {
            reached.Values.Should().OnlyContain(n => n > 0, "every kind of change reaches some function over {0} seeds: {1}", PropertyRun.DefaultSeeds, string.Join(", ", reached));
        }
    }

    [Fact]
    public void Unversioned_changes_and_unrelated_resources_keep_every_id() => PropertyRun.ForEachSeed(template =>
    {
        var before = PropertyRun.Ids(PropertyRun.Transform(template, template.Fragment()));
        var mutations = new TemplateMutations(template.Seed);
        var values = new ValueGenerator(new RandomJson(TemplateMutations.OtherStream(template.Seed)), []);
        var failures = new List<string>();
        foreach (var functionId in before.Keys.Append(null))
        {
            var fragment = template.Fragment();
            var what = functionId is null ? mutations.ChangeUnrelatedResource(fragment) : mutations.ChangeUnversioned(fragment, functionId, values);

            var after = PropertyRun.Transform(template, fragment);
            if (!after.Succeeded || !Same(before, PropertyRun.Ids(after)))
            {
                failures.Add($"{what}: {Describe(before)} -> {Describe(PropertyRun.Ids(after))} {PropertyRun.Problems(after)}");
            }
        }

        return failures.Count == 0 ? null : string.Join("; ", failures);
    });

    [Fact]
    public void Planted_NoEcho_values_never_leave_the_core() => PropertyRun.ForEachSeed(template =>
    {
        var leaks = new List<string>();
        foreach (var hashKey in new[] { PropertyRun.HashKey, null })
        {
            var result = PropertyRun.Transform(template, template.Fragment(), hashKey);
            var texts = new Dictionary<string, string>
            {
                ["fragment"] = JsonText.ToCompact(result.Fragment),
                ["reports"] = string.Join("\n", result.Functions),
                ["problems"] = string.Join("\n", result.Problems),
            };
            leaks.AddRange(texts.Where(t => template.Secrets.Any(t.Value.Contains)).Select(t => $"{t.Key} ({(hashKey is null ? "no hash key" : "hash key")}): {t.Value}"));
        }

        return leaks.Count == 0 ? null : "a planted NoEcho value leaked into " + string.Join("; ", leaks);
    });

    private static bool Same(Dictionary<string, string?> before, Dictionary<string, string?> after) =>
        before.Count == after.Count && before.All(p => after.TryGetValue(p.Key, out var id) && id == p.Value);

    private static string Describe(Dictionary<string, string?> ids) => string.Join(", ", ids.Select(p => $"{p.Key}={p.Value ?? "skipped"}"));
}

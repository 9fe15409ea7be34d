using System.Text.Json.Nodes;
using MacroVersioning.Code;
using MacroVersioning.Core.CodeIdentity;
using MacroVersioning.Core.Planning;
using MacroVersioning.Core.Resolution;

namespace MacroVersioning.Core.Pinning;

/// <summary>
/// Pins, in content mode, the S3 version whose bytes were hashed into each code location that names
/// none. CloudFormation updates a function's code only when S3Bucket, S3Key or S3ObjectVersion change
/// ("Changes to a deployment package in Amazon S3 ... are not detected automatically during stack
/// updates", https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-lambda-function-code.html):
/// new bytes under an unchanged key would give a new version id and CodeSha256 while the function kept
/// its old code. A pinned version changes with the bytes, so the code update and the new version happen
/// together. An unversioned bucket gives no version to pin; the version's CodeSha256 stays the guard.
/// </summary>
/// <remarks>
/// A function's own pinned version is not hashed: its id covers the code's SHA-256, and the same bytes
/// uploaded again are no change to Lambda. A layer's is, with the rest of the layer's location: a new
/// layer version (SAM renames its layer after ContentUri; a plain LayerVersion is replaced) is a new ARN
/// in the function's configuration.
/// </remarks>
internal static class CodePinner
{
    /// <returns>Per function id, what was pinned or why not, for the summary (never a parameter value).</returns>
    public static Dictionary<string, List<string>> Pin(
        JsonObject resources, IReadOnlyList<FunctionPlan> plans, IReadOnlyDictionary<CodeObject, CodeDigest> digests,
        IntrinsicResolver resolver, List<Problem> problems)
    {
        var notes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var plan in plans)
        {
            if (VersionToPin(plan.Code, digests) is not { } version)
            {
                continue;
            }

            var function = plan.Function;
            var property = PropertyOf(plan.Code);
            var outcome = PinnedLocation.Apply(function.Properties[property], property, version);
            if (outcome.Pinned is not null)
            {
                if (function.Resource["Properties"] is not JsonObject properties)
                {
                    properties = [];
                    function.Resource["Properties"] = properties;
                }

                properties[property] = outcome.Pinned;
            }

            Note(notes, function.Id, outcome.Pinned is not null
                ? $"pinned S3 version {version}"
                : $"S3 version {version} not pinned ({outcome.WhyNot}): CodeSha256 guards the version");
        }

        foreach (var uses in plans.SelectMany(p => p.Layers.Select(l => (Function: p.Function.Id, Layer: l))).GroupBy(u => u.Layer.LayerId))
        {
            PinLayer(resources, [.. uses], digests, resolver, problems, notes);
        }

        return notes;
    }

    private static void PinLayer(
        JsonObject resources, List<(string Function, LayerPlan Layer)> uses, IReadOnlyDictionary<CodeObject, CodeDigest> digests,
        IntrinsicResolver resolver, List<Problem> problems, Dictionary<string, List<string>> notes)
    {
        // Functions in location mode know the layer only by its location; one in content mode read it.
        if (uses.Select(u => VersionToPin(u.Layer.Code, digests)).OfType<string>().FirstOrDefault() is not { } version)
        {
            return;
        }

        var layerId = uses[0].Layer.LayerId;
        var code = uses.First(u => u.Layer.Code.Object is not null).Layer.Code;
        var property = PropertyOf(code);
        var properties = (JsonObject)resources[layerId]!["Properties"]!;
        var outcome = PinnedLocation.Apply(properties[property], property, version);
        if (outcome.Pinned is not null)
        {
            properties[property] = outcome.Pinned;
            var hashed = resolver.ResolveForHash(outcome.Pinned, code.Path, problems);
            foreach (var (_, layer) in uses)
            {
                layer.Properties[property] = hashed?.DeepClone();
            }
        }

        foreach (var function in uses.Select(u => u.Function).Distinct(StringComparer.Ordinal))
        {
            Note(notes, function, outcome.Pinned is not null
                ? $"layer {layerId} pinned to S3 version {version}"
                : $"layer {layerId}: S3 version {version} not pinned ({outcome.WhyNot})");
        }
    }

    /// <summary>The version the source read, when the location names none and the bucket keeps versions.</summary>
    private static string? VersionToPin(CodeSpec spec, IReadOnlyDictionary<CodeObject, CodeDigest> digests) =>
        spec.Object is S3CodeObject { Version: null } s3 ? digests[s3].ObjectVersion : null;

    /// <summary>CodeUri, Code, ContentUri or Content: the last segment of the code property's path.</summary>
    private static string PropertyOf(CodeSpec spec) => spec.Path[(spec.Path.LastIndexOf('.') + 1)..];

    private static void Note(Dictionary<string, List<string>> notes, string functionId, string note)
    {
        if (!notes.TryGetValue(functionId, out var list))
        {
            notes[functionId] = list = [];
        }

        list.Add(note);
    }
}

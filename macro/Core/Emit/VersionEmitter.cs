using System.Text.Json.Nodes;
using MacroVersioning.Code;
using MacroVersioning.Core.Functions;
using MacroVersioning.Core.Hashing;
using MacroVersioning.Core.Json;
using MacroVersioning.Core.Planning;
using MacroVersioning.Core.Resolution;

namespace MacroVersioning.Core.Emit;

/// <summary>
/// Adds, per function, an <c>AWS::Lambda::Version</c> whose logical id carries the hash, the Output
/// with its ARN, and the Description stamp. Every property of an added version is a pure function of
/// its hash (changing a version's Description or CodeSha256 in place replaces it, and the replacement
/// then fails with "version exists"). See
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-version.html.
/// </summary>
internal static class VersionEmitter
{
    public static void Emit(
        JsonObject fragment, IReadOnlyList<FunctionPlan> plans, IReadOnlyDictionary<CodeObject, CodeDigest> digests,
        IntrinsicResolver resolver, List<Problem> problems, List<FunctionReport> reports)
    {
        var resources = (JsonObject)fragment["Resources"]!;
        var versionIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var outputs = new List<(string Name, JsonObject Output)>();
        foreach (var plan in plans)
        {
            var function = plan.Function;
            var codeIdentity = CodeDigests.IdentityOf(plan.Code, digests);
            var material = Material(plan, codeIdentity, digests);
            var hash = VersionHash.Compute(material);
            if (function.AutoPublishAlias is not null)
            {
                SteerSamVersion(resources, plan, codeIdentity, hash, material, resolver, problems, reports, outputs);
                continue;
            }

            var versionId = $"{function.Id}Version{hash}";
            if (!LogicalId.IsValid(versionId))
            {
                problems.Add(new Problem($"Resources.{function.Id}", $"the version id {versionId} would not be a valid logical id ({LogicalId.Rule}); rename the function"));
                continue;
            }

            if (resources.ContainsKey(versionId))
            {
                problems.Add(new Problem($"Resources.{versionId}", $"already exists; VersioningMacro adds this id for {function.Id}: remove or rename the existing resource"));
                continue;
            }

            if (function.Settings.StampDescription && !Stamp(function, hash, resolver, problems))
            {
                continue;
            }

            resources[versionId] = Version(plan, codeIdentity, hash, digests);
            versionIds[function.Id] = versionId;
            if (function.Settings.Outputs)
            {
                outputs.Add(($"{function.Id}VersionArn", Output(function, versionId)));
            }

            if (function.Settings.VersionParameter)
            {
                VersionParameter.Add(resources, function, versionId, problems);
            }

            reports.Add(new FunctionReport(function.Id, versionId, VersionDescription.WhatWasHashed(plan, codeIdentity))
            {
                Material = material,
                Warnings = ImageTagWarning.For(plan) is { } warning ? [warning] : [],
            });
        }

        AddOutputs(fragment, outputs, problems);
        VersionReferences.Rewrite(fragment, versionIds);
    }

    /// <summary>SAM publishes this function's versions: see <see cref="AutoPublishCodeSha256"/>.</summary>
    private static void SteerSamVersion(
        JsonObject resources, FunctionPlan plan, string codeIdentity, string hash, JsonObject material, IntrinsicResolver resolver, List<Problem> problems,
        List<FunctionReport> reports, List<(string Name, JsonObject Output)> outputs)
    {
        var function = plan.Function;
        if (AutoPublishCodeSha256.Apply(function, hash, resolver, problems) is not { } versionId)
        {
            return;
        }

        // SAM copies VersionDescription onto the version it publishes; with ours there, the version says what
        // was hashed, as the macro's own versions do, and pruning recognises it as the macro's. A user's own
        // text is left alone (it is folded into the hash above).
        if (function.Properties["VersionDescription"] is null && function.Resource["Properties"] is JsonObject samProperties)
        {
            samProperties["VersionDescription"] = VersionDescription.For(plan, codeIdentity, versionId[(function.Id.Length + "Version".Length)..]);
        }

        if (function.Settings.Outputs)
        {
            // SAM's own spelling: SAM resolves it to the version it names, with no output of its own for it.
            outputs.Add(($"{function.Id}VersionArn", Output(function, $"{function.Id}.Version")));
        }

        if (function.Settings.VersionParameter)
        {
            VersionParameter.Add(resources, function, $"{function.Id}.Version", problems);
        }

        var via = $"AutoPublishAlias {JsonText.ScalarText(function.AutoPublishAlias) ?? JsonText.ToCompact(function.AutoPublishAlias)}";
        reports.Add(new FunctionReport(function.Id, versionId, VersionDescription.WhatWasHashed(plan, codeIdentity), via)
        {
            Material = material,
            Warnings = ImageTagWarning.For(plan) is { } warning ? [warning] : [],
        });
    }

    private static JsonObject Material(FunctionPlan plan, string codeIdentity, IReadOnlyDictionary<CodeObject, CodeDigest> digests)
    {
        var material = new JsonObject
        {
            ["Code"] = codeIdentity,
            ["Config"] = plan.Config.DeepClone(),
        };
        if (plan.Layers.Count > 0)
        {
            var layers = new JsonObject();
            foreach (var layer in plan.Layers)
            {
                layers[layer.LayerId] = new JsonObject
                {
                    ["Code"] = CodeDigests.IdentityOf(layer.Code, digests),
                    ["Properties"] = layer.Properties.DeepClone(),
                };
            }

            material["Layers"] = layers;
        }

        // Only when there are any: the ids of functions that name no other resource stay as they were.
        if (plan.References.Material.Count > 0)
        {
            material["References"] = plan.References.Material.DeepClone();
        }

        return material;
    }

    private static bool Stamp(FunctionCandidate function, string hash, IntrinsicResolver resolver, List<Problem> problems)
    {
        var path = $"{function.PropertiesPath}.Description";
        var stamped = DescriptionStamp.Apply(function.Properties["Description"], hash, path, resolver, problems);
        if (stamped is null)
        {
            return false;
        }

        if (function.Resource["Properties"] is not JsonObject properties)
        {
            properties = [];
            function.Resource["Properties"] = properties;
        }

        properties["Description"] = stamped;
        return true;
    }

    private static JsonObject Version(FunctionPlan plan, string codeIdentity, string hash, IReadOnlyDictionary<CodeObject, CodeDigest> digests)
    {
        var function = plan.Function;
        var version = new JsonObject { ["Type"] = "AWS::Lambda::Version" };
        if (function.Resource["Condition"] is { } condition)
        {
            version["Condition"] = condition.DeepClone();
        }

        version["DeletionPolicy"] = function.Settings.DeletionPolicy;
        version["UpdateReplacePolicy"] = function.Settings.UpdateReplacePolicy;
        var properties = new JsonObject { ["FunctionName"] = new JsonObject { ["Ref"] = function.Id } };
        if (CodeDigests.ExactSha256(plan.Code, digests) is { } sha)
        {
            properties["CodeSha256"] = sha;
        }

        properties["Description"] = VersionDescription.For(plan, codeIdentity, hash);
        version["Properties"] = properties;
        return version;
    }

    private static JsonObject Output(FunctionCandidate function, string versionId)
    {
        var output = new JsonObject { ["Description"] = $"ARN of the {function.Id} version published by VersioningMacro" };
        if (function.Resource["Condition"] is { } condition)
        {
            output["Condition"] = condition.DeepClone();
        }

        output["Value"] = new JsonObject { ["Ref"] = versionId };
        return output;
    }

    private static void AddOutputs(JsonObject fragment, List<(string Name, JsonObject Output)> added, List<Problem> problems)
    {
        if (added.Count == 0)
        {
            return;
        }

        if (fragment["Outputs"] is not JsonObject outputs)
        {
            if (fragment["Outputs"] is not null)
            {
                problems.Add(new Problem("Outputs", "must be a map of outputs"));
                return;
            }

            outputs = [];
            fragment["Outputs"] = outputs;
        }

        foreach (var (name, output) in added)
        {
            if (!outputs.TryAdd(name, output))
            {
                problems.Add(new Problem($"Outputs.{name}", "already exists; VersioningMacro adds this output for the version ARN: rename yours or set Outputs: false"));
            }
        }
    }
}

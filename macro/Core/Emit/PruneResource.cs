using System.Text.Json.Nodes;
using MacroVersioning.Core.Functions;
using MacroVersioning.Core.Planning;

namespace MacroVersioning.Core.Emit;

/// <summary>
/// With <c>KeepVersions: N</c>, one <c>Custom::VersioningMacroPrune</c> per function, served by the macro's own
/// Lambda (its <c>ServiceToken</c>). Its <c>Version</c> property is a <c>Ref</c> to the version this deployment
/// adds, so CloudFormation updates it after that version exists, on every deployment that publishes one, and
/// <c>OldResourceProperties.Version</c> then names the version the stack held before (which a rollback needs).
/// Its logical id has no hash, so it is updated in place rather than replaced. It carries the function's
/// Condition. <c>DeletionPolicy</c>/<c>UpdateReplacePolicy: Retain</c>: its Delete deletes nothing, so skipping
/// that invocation loses nothing, and a stack can then be deleted even after the macro's stack was (a Delete
/// sent to a function that no longer exists would block it). See
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requests.html and
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-deletionpolicy.html.
/// </summary>
internal static class PruneResource
{
    public const string Type = "Custom::VersioningMacroPrune";

    /// <summary>
    /// The macro function's ARN when the caller does not know it (the CLI preview): the name
    /// <c>macro-template.yaml</c> gives the function, which is the macro's name.
    /// </summary>
    public static JsonObject DefaultServiceToken() =>
        new() { ["Fn::Sub"] = $"arn:${{AWS::Partition}}:lambda:${{AWS::Region}}:${{AWS::AccountId}}:function:{LocalRequestBuilder.MacroName}" };

    /// <summary>
    /// Ends in <c>Prune</c>, which is not hex, so it never equals a <c>&lt;Fn&gt;Version&lt;10 hex&gt;</c> id (ours or
    /// SAM's), nor a <c>&lt;Fn&gt;VersionParameter</c>.
    /// </summary>
    public static string IdFor(string functionId) => $"{functionId}VersionPrune";

    /// <summary>Adds the prune resources for every versioned function that has KeepVersions.</summary>
    /// <param name="serviceToken">The macro function's unqualified ARN; null uses <see cref="DefaultServiceToken"/>.</param>
    public static void AddAll(JsonObject resources, IReadOnlyList<FunctionPlan> plans, List<FunctionReport> reports, string? serviceToken, List<Problem> problems)
    {
        foreach (var plan in plans)
        {
            var function = plan.Function;
            var index = reports.FindIndex(r => r.FunctionId == function.Id && r.Versioned);
            if (function.Settings.KeepVersions is not { } keep || index < 0)
            {
                continue;
            }

            // SAM's own spelling for a function SAM versions; SAM resolves it to the version it adds.
            var version = reports[index].Via is null ? reports[index].VersionId! : $"{function.Id}.Version";
            if (Add(resources, function, keep, version, serviceToken, problems))
            {
                reports[index] = reports[index] with { KeepVersions = keep };
            }
        }
    }

    private static bool Add(JsonObject resources, FunctionCandidate function, int keep, string versionRef, string? serviceToken, List<Problem> problems)
    {
        var id = IdFor(function.Id);
        if (!LogicalId.IsValid(id))
        {
            problems.Add(new Problem($"Resources.{function.Id}", $"the prune resource id {id} would not be a valid logical id ({LogicalId.Rule}); rename the function or remove KeepVersions"));
            return false;
        }

        if (resources.ContainsKey(id))
        {
            problems.Add(new Problem($"Resources.{id}", $"already exists; VersioningMacro adds this id for pruning the versions of {function.Id} (KeepVersions): rename the existing resource or remove KeepVersions"));
            return false;
        }

        var resource = new JsonObject { ["Type"] = Type };
        if (function.Resource["Condition"] is { } condition)
        {
            resource["Condition"] = condition.DeepClone();
        }

        resource["DeletionPolicy"] = "Retain";
        resource["UpdateReplacePolicy"] = "Retain";
        resource["Properties"] = new JsonObject
        {
            ["ServiceToken"] = serviceToken is null ? DefaultServiceToken() : JsonValue.Create(serviceToken),
            ["FunctionName"] = new JsonObject { ["Ref"] = function.Id },
            ["KeepVersions"] = keep,
            ["Version"] = new JsonObject { ["Ref"] = versionRef },
        };
        resources[id] = resource;
        return true;
    }
}

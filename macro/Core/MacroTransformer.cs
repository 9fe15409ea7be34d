using System.Text.Json.Nodes;
using MacroVersioning.Code;
using MacroVersioning.Core.CodeIdentity;
using MacroVersioning.Core.Emit;
using MacroVersioning.Core.Functions;
using MacroVersioning.Core.Json;
using MacroVersioning.Core.Pinning;
using MacroVersioning.Core.Planning;
using MacroVersioning.Core.Resolution;
using MacroVersioning.Core.Settings;
using MacroVersioning.Core.Validation;

namespace MacroVersioning.Core;

/// <summary>
/// The pure transform: fragment + parameter values + a code-identity source in, versioned fragment
/// (or every problem) out. No AWS call and no console here; the Lambda, the CLI and the tests call this.
/// Stages: read settings → find functions and merge Globals → resolve and classify → identify code →
/// pin the S3 versions read → hash and emit → add prune resources → check limits.
/// </summary>
public static class MacroTransformer
{
    public const string SettingsPath = "Transform.VersioningMacro.Parameters";

    public static async Task<TransformResult> TransformAsync(
        MacroRequest request, TransformOptions options, ICodeIdentitySource codeSource, CancellationToken cancellationToken)
    {
        if (Unreadable(request) is { Count: > 0 } unreadable)
        {
            return TransformResult.Failure(unreadable);
        }

        var problems = new List<Problem>();
        var reports = new List<FunctionReport>();
        var fragment = (JsonObject)request.Fragment.DeepClone();
        var context = new TemplateContext(fragment, request.TemplateParameterValues, request.Region, request.AccountId, options.HashKey);
        if (TemplateShape.Resources(fragment, problems) is not { } resources)
        {
            return Fail(problems, context);
        }

        TemplateShape.Check(fragment, resources, problems);
        TransformOrder.CheckNotExpanded(resources, problems);
        ForEachLoops.Check(resources, problems);

        var settings = SettingsReader.Read(request.Params, SettingsPath, new MacroSettings(), problems);
        var candidates = FunctionLocator.Find(resources, Globals(fragment, "Function", problems), settings, problems, reports);
        ImplicitApiCollision.Check(resources, candidates, problems);
        if (options.CodeIdentityOverride is { } mode)
        {
            candidates = [.. candidates.Select(c => c with { Settings = c.Settings with { CodeIdentity = mode } })];
        }

        var resolver = new IntrinsicResolver(context);
        var layerGlobals = Globals(fragment, "LayerVersion", problems);
        var planner = new FunctionPlanner(context, resolver, new CodeLocator(resolver, options, problems), layerGlobals, problems);
        var plans = candidates.Select(planner.Plan).OfType<FunctionPlan>().ToList();
        if (problems.Count > 0)
        {
            return Fail(problems, context);
        }

        var digests = await CodeDigests.ReadAsync(plans, codeSource, problems, cancellationToken).ConfigureAwait(false);
        if (problems.Count > 0)
        {
            return Fail(problems, context);
        }

        var pins = CodePinner.Pin(resources, plans, digests, resolver, problems);
        VersionEmitter.Emit(fragment, plans, digests, resolver, problems, reports);
        AddPins(reports, pins);
        PruneResource.AddAll((JsonObject)fragment["Resources"]!, plans, reports, options.ServiceToken, problems);
        TemplateLimits.Check(fragment, problems);
        return problems.Count > 0 ? Fail(problems, context) : new TransformResult(fragment, [], reports);
    }

    private static void AddPins(List<FunctionReport> reports, Dictionary<string, List<string>> pins)
    {
        for (var i = 0; i < reports.Count; i++)
        {
            if (pins.TryGetValue(reports[i].FunctionId, out var notes))
            {
                reports[i] = reports[i] with { Pins = notes };
            }
        }
    }

    /// <summary>Before anything walks the input recursively or reads its strings: see <see cref="JsonInputCheck"/>.</summary>
    private static List<Problem> Unreadable(MacroRequest request) =>
        new[]
        {
            JsonInputCheck.FindProblem(request.Fragment, "", JsonText.MaxDepth),
            JsonInputCheck.FindProblem(request.TemplateParameterValues, "templateParameterValues", JsonText.MaxDepth),
            JsonInputCheck.FindProblem(request.Params, SettingsPath, JsonText.MaxDepth),
        }.OfType<Problem>().ToList();

    /// <summary><c>Globals.Function</c> or <c>Globals.LayerVersion</c> (SAM's only globals that reach the hash).</summary>
    private static JsonObject? Globals(JsonObject fragment, string section, List<Problem> problems)
    {
        var globals = (fragment["Globals"] as JsonObject)?[section];
        if (globals is not null and not JsonObject)
        {
            problems.Add(new Problem($"Globals.{section}", $"must be a map of {(section == "Function" ? "function" : "layer")} properties"));
        }

        return globals as JsonObject;
    }

    /// <summary>Last line of defence: no NoEcho value leaves in a message, whatever produced it.</summary>
    private static TransformResult Fail(List<Problem> problems, TemplateContext context)
    {
        var secrets = context.SecretValues().OrderByDescending(s => s.Length).ToList();
        // Distinct: a problem in Globals.Function is found once per function but reported once.
        return TransformResult.Failure([.. problems.Distinct().Select(p => new Problem(p.Path, Redact(p.Message, secrets)))]);
    }

    private static string Redact(string message, List<string> secrets) =>
        secrets.Aggregate(message, (text, secret) => text.Replace(secret, "****", StringComparison.Ordinal));
}

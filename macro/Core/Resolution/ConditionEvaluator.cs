using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;

namespace MacroVersioning.Core.Resolution;

/// <summary>
/// Evaluates template Conditions from parameter values, so <c>Fn::If</c> in version-locked
/// configuration hashes the branch Lambda will actually get. Without this, flipping a parameter that
/// switches a branch would change the function but not its version id (a stale version).
/// Returns null when a condition depends on something unknown at macro time.
/// </summary>
internal sealed class ConditionEvaluator(TemplateContext context, Func<JsonNode?, JsonNode?> revealResolve)
{
    private readonly Dictionary<string, bool?> cache = new(StringComparer.Ordinal);
    private readonly HashSet<string> evaluating = new(StringComparer.Ordinal);

    public bool? Evaluate(string conditionName)
    {
        if (cache.TryGetValue(conditionName, out var known))
        {
            return known;
        }

        if (!evaluating.Add(conditionName) || !context.Conditions.TryGetPropertyValue(conditionName, out var expression))
        {
            // A cycle or a missing condition: CloudFormation rejects the template; we just don't guess.
            return null;
        }

        var result = EvaluateExpression(expression, depth: 0);
        evaluating.Remove(conditionName);
        cache[conditionName] = result;
        return result;
    }

    private bool? EvaluateExpression(JsonNode? expression, int depth)
    {
        if (depth > 64 || !Intrinsic.TryGet(expression, out var name, out var argument))
        {
            return null;
        }

        switch (name)
        {
            case "Condition":
                return JsonText.ScalarText(argument) is { } other ? Evaluate(other) : null;
            case "Fn::Not" when argument is JsonArray { Count: 1 } not:
                return !EvaluateExpression(not[0], depth + 1);
            case "Fn::And" when argument is JsonArray and:
                var all = and.Select(e => EvaluateExpression(e, depth + 1)).ToList();
                return all.Contains(false) ? false : all.Contains(null) ? null : true;
            case "Fn::Or" when argument is JsonArray or:
                var any = or.Select(e => EvaluateExpression(e, depth + 1)).ToList();
                return any.Contains(true) ? true : any.Contains(null) ? null : false;
            case "Fn::Equals" when argument is JsonArray { Count: 2 } equals:
                var left = JsonText.ScalarText(revealResolve(equals[0]));
                var right = JsonText.ScalarText(revealResolve(equals[1]));
                return left is null || right is null ? null : left == right;
            default:
                return null;
        }
    }
}

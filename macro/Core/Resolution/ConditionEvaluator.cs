using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;

namespace MacroVersioning.Core.Resolution;

/// <summary>
/// Evaluates template Conditions from parameter values, so <c>Fn::If</c> in version-locked
/// configuration hashes the branch Lambda will actually get. Without this, flipping a parameter that
/// switches a branch would change the function but not its version id (a stale version).
/// Returns null when a condition depends on something unknown at macro time.
/// </summary>
/// <param name="resolveOperand">Resolves an <c>Fn::Equals</c> operand; must not evaluate conditions itself
/// (CloudFormation allows no <c>Fn::If</c> in Conditions), so every nested evaluation goes through here.</param>
internal sealed class ConditionEvaluator(TemplateContext context, Func<JsonNode?, JsonNode?> resolveOperand)
{
    /// <summary>
    /// Condition functions and references to other conditions nest at most this deep, counted together:
    /// a bound on the recursion, so a hostile chain of 20,000 conditions fails instead of overflowing the stack.
    /// </summary>
    public const int MaxDepth = 64;

    private readonly Dictionary<string, bool?> cache = new(StringComparer.Ordinal);
    private readonly HashSet<string> evaluating = new(StringComparer.Ordinal);

    /// <summary>Depth cuts in the current top-level evaluation.</summary>
    private int cutShort;

    /// <param name="tooDeep">True when the condition was not evaluated because it nests deeper than <see cref="MaxDepth"/>.</param>
    public bool? Evaluate(string conditionName, out bool tooDeep)
    {
        cutShort = 0;
        var result = Evaluate(conditionName, depth: 0);
        tooDeep = cutShort > 0;
        return result;
    }

    private bool? Evaluate(string conditionName, int depth)
    {
        if (cache.TryGetValue(conditionName, out var known))
        {
            return known;
        }

        if (!context.Conditions.TryGetPropertyValue(conditionName, out var expression) || !evaluating.Add(conditionName))
        {
            // A missing condition or a cycle: CloudFormation rejects the template; we just don't guess.
            return null;
        }

        var result = EvaluateExpression(expression, depth);
        evaluating.Remove(conditionName);
        if (cutShort == 0)
        {
            // A result cut short by depth is not the condition's value, so it is not remembered as one.
            cache[conditionName] = result;
        }

        return result;
    }

    private bool? EvaluateExpression(JsonNode? expression, int depth)
    {
        if (depth > MaxDepth)
        {
            cutShort++;
        }

        if (cutShort > 0)
        {
            // Once cut, the answer is "too deep" whatever the rest says: stop, since results cut short
            // are not cached and re-evaluating them could take exponential time (C0 = And[C1, Not C1], …).
            return null;
        }

        if (!Intrinsic.TryGet(expression, out var name, out var argument))
        {
            return null;
        }

        switch (name)
        {
            case "Condition":
                return JsonText.ScalarText(argument) is { } other ? Evaluate(other, depth + 1) : null;
            case "Fn::Not" when argument is JsonArray { Count: 1 } not:
                return !EvaluateExpression(not[0], depth + 1);
            case "Fn::And" when argument is JsonArray and:
                var all = and.Select(e => EvaluateExpression(e, depth + 1)).ToList();
                return all.Contains(false) ? false : all.Contains(null) ? null : true;
            case "Fn::Or" when argument is JsonArray or:
                var any = or.Select(e => EvaluateExpression(e, depth + 1)).ToList();
                return any.Contains(true) ? true : any.Contains(null) ? null : false;
            case "Fn::Equals" when argument is JsonArray { Count: 2 } equals:
                var left = JsonText.ScalarText(resolveOperand(equals[0]));
                var right = JsonText.ScalarText(resolveOperand(equals[1]));
                return left is null || right is null ? null : left == right;
            default:
                return null;
        }
    }
}

using System.Text.Json.Nodes;
using MacroVersioning.Core.Hashing;
using MacroVersioning.Core.Json;

namespace MacroVersioning.Core.Resolution;

/// <summary>
/// Replaces what is known at macro time (parameters, pseudo parameters, conditions, mappings) by its
/// value, so a version id follows what Lambda will get (SPEC §3: a parameter-valued environment
/// variable is the classic stale-version bug). Everything else is kept as written. Returns a new
/// tree; the input is never modified.
/// </summary>
internal sealed partial class IntrinsicResolver
{
    /// <summary>Stands for <c>Ref: AWS::NoValue</c>: the enclosing key or list item disappears.</summary>
    private static readonly JsonObject Removed = [];

    private const int MaxDepth = JsonText.MaxDepth;

    private readonly TemplateContext context;
    private readonly ConditionEvaluator conditions;

    public IntrinsicResolver(TemplateContext context)
    {
        this.context = context;
        conditions = new ConditionEvaluator(context, node => Resolve(node, new Scope(true, "", [], InCondition: true)));
    }

    /// <summary>For hashing: NoEcho values become keyed digests (a problem when no key is configured).</summary>
    public JsonNode? ResolveForHash(JsonNode? node, string path, List<Problem> problems) =>
        Unwrap(Resolve(node, new Scope(false, path, problems)));

    /// <summary>For reading code: real values, never written anywhere.</summary>
    public JsonNode? ResolveRevealing(JsonNode? node) => Unwrap(Resolve(node, new Scope(true, "", [])));

    private static JsonNode? Unwrap(JsonNode? node) => ReferenceEquals(node, Removed) ? null : node;

    private JsonNode? Resolve(JsonNode? node, Scope scope, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            scope.Problems.Add(new Problem(scope.Path, $"nested more than {MaxDepth} levels deep"));
            return node?.DeepClone();
        }

        if (Intrinsic.TryGet(node, out var name, out var argument))
        {
            return ResolveIntrinsic(name, argument, scope, depth);
        }

        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    var resolved = Resolve(value, scope.Enter(key), depth + 1);
                    if (!ReferenceEquals(resolved, Removed))
                    {
                        copy[key] = resolved;
                    }
                }

                return copy;
            case JsonArray array:
                var items = new JsonArray();
                for (var i = 0; i < array.Count; i++)
                {
                    var item = array[i];
                    var resolved = Resolve(item, scope.Enter(i), depth + 1);
                    if (!ReferenceEquals(resolved, Removed))
                    {
                        items.Add(resolved);
                    }
                }

                return items;
            default:
                return node?.DeepClone();
        }
    }

    private JsonNode? ResolveIntrinsic(string name, JsonNode? argument, Scope scope, int depth)
    {
        switch (name)
        {
            case "Ref" when JsonText.ScalarText(argument) is { } reference:
                return ResolveRef(reference, scope);
            case "Fn::Sub":
                return ResolveSub(argument, scope, depth);
            case "Fn::If" when !scope.InCondition && argument is JsonArray { Count: 3 } branches && JsonText.ScalarText(branches[0]) is { } condition:
                var value = conditions.Evaluate(condition, out var tooDeep);
                if (tooDeep)
                {
                    scope.Problems.Add(new Problem(scope.Path, $"uses condition {condition}, which nests Condition, Fn::And, Fn::Or and Fn::Not more than {ConditionEvaluator.MaxDepth} levels deep; VersioningMacro cannot evaluate it to hash the branch Lambda gets: simplify the condition"));
                }

                if (value is null && !scope.Reveal && SsmParameterType.ReadBy(condition, context) is { } ssm)
                {
                    scope.Problems.Add(new Problem(scope.Path, $"uses condition {condition}, which reads {SsmParameterType.Explanation(ssm, context.SsmTyped[ssm])}"));
                }

                return value switch
                {
                    true => Resolve(branches[1], scope, depth + 1),
                    false => Resolve(branches[2], scope, depth + 1),
                    null => Intrinsic.Make(name, Resolve(argument, scope, depth + 1)),
                };
            default:
                var resolvedArgument = ResolveArgument(argument, scope, depth + 1);
                return TryFold(name, resolvedArgument) ?? Intrinsic.Make(name, resolvedArgument);
        }
    }

    /// <summary>
    /// An intrinsic's argument, resolved. An argument that is itself <c>AWS::NoValue</c> stays as written:
    /// there is no key or item for it to remove, and the shared marker must not be adopted by a parent.
    /// </summary>
    private JsonNode? ResolveArgument(JsonNode? argument, Scope scope, int depth)
    {
        var resolved = Resolve(argument, scope, depth);
        return ReferenceEquals(resolved, Removed) ? argument?.DeepClone() : resolved;
    }

    private JsonNode? ResolveRef(string reference, Scope scope)
    {
        if (reference == "AWS::NoValue")
        {
            return Removed;
        }

        if (context.TryGetPseudo(reference, out var pseudo))
        {
            return JsonValue.Create(pseudo);
        }

        if (context.SsmTyped.TryGetValue(reference, out var ssmType))
        {
            // Unknown at macro time, like a resource's Ref: kept as written (a condition on it stays undecided).
            if (!scope.Reveal)
            {
                scope.Problems.Add(new Problem(scope.Path, SsmParameterType.Message(reference, ssmType)));
            }

            return Intrinsic.Make("Ref", reference);
        }

        if (!context.TryGetParameter(reference, out var value))
        {
            return Intrinsic.Make("Ref", reference);
        }

        return scope.Reveal || !context.NoEcho.Contains(reference)
            ? value?.DeepClone()
            : JsonValue.Create(Secret(reference, JsonText.ScalarText(value) ?? JsonText.ToCompact(value), scope));
    }

    private string Secret(string parameter, string value, Scope scope)
    {
        if (context.HashKey is { } key)
        {
            return VersionHash.Keyed(key, value);
        }

        scope.Problems.Add(new Problem(
            scope.Path,
            $"uses NoEcho parameter {parameter} in version-locked configuration; configure a hash key "
            + "(VERSIONING_MACRO_HASH_KEY on the macro, --hash-key-file in the CLI) so the secret enters the version id only through a key you control"));
        return "noecho:unkeyed";
    }

    /// <param name="InCondition">Resolving an Fn::Equals operand inside Conditions, where Fn::If is not allowed.</param>
    private readonly record struct Scope(bool Reveal, string Path, List<Problem> Problems, bool InCondition = false)
    {
        // Paths are only needed for messages about hashed values; revealing scopes skip the strings.
        public Scope Enter(string key) => Reveal ? this : this with { Path = $"{Path}.{key}" };

        public Scope Enter(int index) => Reveal ? this : this with { Path = $"{Path}[{index}]" };
    }
}

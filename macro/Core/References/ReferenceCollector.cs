using System.Text.Json.Nodes;
using MacroVersioning.Core.Functions;
using MacroVersioning.Core.Json;
using MacroVersioning.Core.Resolution;

namespace MacroVersioning.Core.References;

/// <summary>
/// SPEC §3, references: a <c>Ref</c>, <c>Fn::GetAtt</c> or <c>Fn::Sub</c> variable naming a resource
/// stands for a value Lambda gets only at deploy time, and that value changes when the resource is
/// replaced (a create-only property changed) or, for an attribute other than an identifier, when it
/// is updated. So a function's hash takes, per referenced resource: for <c>Ref</c> and identifying
/// attributes its Type and create-only values; otherwise (and for types the schemas do not know:
/// custom resources, nested stacks' outputs) all its properties but Tags. What it takes is searched
/// for references too, up to <see cref="MaxDepth"/> resources away (a subnet's <c>VpcId: !Ref Vpc</c>);
/// a cycle ends where it meets a resource already taken. One collector serves a whole transform, so
/// a resource many functions reference is resolved (and any problem in it reported) once.
/// </summary>
internal sealed class ReferenceCollector(TemplateContext context, IntrinsicResolver resolver, List<Problem> problems)
{
    public const string PropertiesKey = "Properties";
    public const string CreateOnlyKey = "CreateOnly";

    /// <summary>Resources away from the function; a deeper chain is cut there, never an error.</summary>
    public const int MaxDepth = 8;

    /// <summary>SAM names a function's generated role <c>&lt;FunctionId&gt;Role</c> (translator 1.110.0, SamFunction._construct_role).</summary>
    private const string ImplicitRoleSuffix = "Role";

    private static readonly HashSet<string> EmptySet = [];

    private readonly Dictionary<string, JsonObject> wholeResources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> createOnly = new(StringComparer.Ordinal);

    /// <param name="config">The function's hashed configuration, resolved.</param>
    /// <param name="handledElsewhere">Layers of the same template, hashed by their own rule.</param>
    public ReferenceSet Collect(FunctionCandidate function, JsonObject config, IReadOnlyCollection<string> handledElsewhere)
    {
        var material = new JsonObject();
        ImplicitRole(function, config, material);
        var pending = new Queue<(Reference Reference, int Depth)>();
        Enqueue(config, 1, pending);
        while (pending.TryDequeue(out var next))
        {
            var (reference, depth) = next;
            var id = reference.ResourceId;
            if (id == function.Id || handledElsewhere.Contains(id) || context.Resources[id] is not JsonObject resource)
            {
                continue;
            }

            var type = JsonText.ScalarText(resource["Type"]) ?? "";
            var identity = ResourceIdentityTable.Find(type);
            var whole = identity is null || (reference.Attribute is { } attribute && !identity.Identifies(attribute));
            if (material[id] is not JsonObject entry)
            {
                entry = new JsonObject { ["Type"] = type };
                material[id] = entry;
            }

            if (entry.ContainsKey(PropertiesKey) || (!whole && entry.ContainsKey(CreateOnlyKey)))
            {
                continue;
            }

            entry.Remove(CreateOnlyKey);
            var (key, taken) = whole ? (PropertiesKey, Whole(id, type, resource)) : (CreateOnlyKey, CreateOnly(id, identity!, resource));
            entry[key] = taken.DeepClone();
            if (depth < MaxDepth)
            {
                Enqueue(taken, depth + 1, pending);
            }
        }

        return new ReferenceSet(material);
    }

    private void Enqueue(JsonNode node, int depth, Queue<(Reference, int)> pending)
    {
        var found = new List<Reference>();
        ReferenceFinder.Find(node, context.Resources, found);
        foreach (var reference in found)
        {
            pending.Enqueue((reference, depth));
        }
    }

    /// <summary>
    /// A SAM function without <c>Role</c> gets a generated role whose <c>Path</c> is <c>RolePath</c>: a
    /// create-only property, so changing it replaces the role and gives <c>$LATEST</c> a new role ARN.
    /// </summary>
    private void ImplicitRole(FunctionCandidate function, JsonObject config, JsonObject material)
    {
        if (function.Type != PropertyClassifier.Serverless || config.ContainsKey("Role") || function.Properties["RolePath"] is not { } rolePath)
        {
            return;
        }

        if (resolver.ResolveForHash(rolePath, $"{function.PropertiesPath}.RolePath", problems) is { } path)
        {
            material[function.Id + ImplicitRoleSuffix] = new JsonObject
            {
                ["Type"] = "AWS::IAM::Role",
                [CreateOnlyKey] = new JsonObject { ["Path"] = path },
            };
        }
    }

    /// <summary>
    /// All properties but Tags (tags never change an attribute's value); for a function, only what
    /// its version depends on (<c>Fn.Version</c> changes with those, not with its events or policies).
    /// </summary>
    private JsonObject Whole(string id, string type, JsonObject resource)
    {
        if (!wholeResources.TryGetValue(id, out var taken))
        {
            taken = [];
            foreach (var (name, value) in Properties(resource))
            {
                var skip = name == "Tags" || (PropertyClassifier.IsFunctionType(type)
                    && PropertyClassifier.Classify(type, name, EmptySet, EmptySet) == PropertyClass.Ignored);
                if (!skip && resolver.ResolveForHash(value, $"Resources.{id}.Properties.{name}", problems) is { } resolved)
                {
                    taken[name] = resolved;
                }
            }

            wholeResources[id] = taken;
        }

        return taken;
    }

    private JsonObject CreateOnly(string id, ResourceIdentity identity, JsonObject resource)
    {
        if (!createOnly.TryGetValue(id, out var taken))
        {
            taken = [];
            var properties = Properties(resource);
            var resolved = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
            foreach (var path in identity.CreateOnly)
            {
                var top = path[0];
                if (!properties.TryGetPropertyValue(top, out var value))
                {
                    continue;
                }

                if (!resolved.TryGetValue(top, out var topValue))
                {
                    topValue = resolver.ResolveForHash(value, $"Resources.{id}.Properties.{top}", problems);
                    resolved[top] = topValue;
                }

                if (CreateOnlyValues.At(topValue, path.AsSpan(1)) is { } atPath)
                {
                    taken[string.Join('/', path)] = atPath;
                }
            }

            createOnly[id] = taken;
        }

        return taken;
    }

    private static JsonObject Properties(JsonObject resource) => resource["Properties"] as JsonObject ?? [];
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MacroVersioning.Core.Json;

namespace MacroVersioning.Tests.Properties;

/// <summary>
/// What feeds each function's version, worked out from SPEC §3 independently of the macro: its
/// version-locked properties after SAM's Globals merge, the template parameters those refer to, and
/// the layers of the same template they use, and what of the other resources they name reaches them.
/// The oracle for changes made outside the function.
/// </summary>
internal static partial class VersionInputs
{
    private static readonly HashSet<string> LayerTypes = ["AWS::Serverless::LayerVersion", "AWS::Lambda::LayerVersion"];

    /// <summary>
    /// SPEC §3 for the resource types the generator makes, from their CloudFormation documentation: what
    /// replaces each (so its name and ARN change), and the attributes that change only then.
    /// </summary>
    private static readonly Dictionary<string, (string[] Replacing, string[] Identifying)> Referenceable = new()
    {
        ["AWS::DynamoDB::Table"] = (["TableName", "KeySchema", "ImportSourceSpecification"], ["Arn", "TableName"]),
        ["AWS::IAM::Role"] = (["Path", "RoleName"], ["Arn", "RoleId", "RoleName", "Path"]),
        ["AWS::SQS::Queue"] = (["QueueName", "FifoQueue"], ["Arn", "QueueUrl", "QueueName"]),
        ["AWS::SNS::Topic"] = (["TopicName", "FifoTopic"], ["TopicArn", "TopicName"]),
    };

    /// <summary>A SAM function without Role gets a generated one, whose Path is the function's RolePath.</summary>
    public static bool HasImplicitRole(string type, JsonObject properties) => type == LambdaProperties.Serverless && !properties.ContainsKey("Role");

    /// <summary>The functions whose version inputs differ between the two templates and parameter values.</summary>
    public static IReadOnlySet<string> Affected(JsonObject before, JsonObject after, JsonObject parametersBefore, JsonObject parametersAfter)
    {
        var changedParameters = parametersAfter
            .Where(p => JsonText.ToCompact(p.Value) != JsonText.ToCompact(parametersBefore[p.Key]))
            .Select(p => p.Key)
            .ToList();
        var affected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, type, function) in TemplateMutations.Functions(after))
        {
            var (_, _, old) = TemplateMutations.Functions(before).Single(f => f.Id == id);
            var config = Locked(after, type, function);
            var text = Sorted(config);
            if (text != Sorted(Locked(before, type, old))
                || changedParameters.Any(p => text.Contains($"{{\"Ref\":\"{p}\"}}", StringComparison.Ordinal) || text.Contains($"${{{p}}}", StringComparison.Ordinal))
                || LayerIds(config).Any(layer => Layer(before, layer) != Layer(after, layer))
                || Referenced(before, type, old, Sorted(Locked(before, type, old))) != Referenced(after, type, function, text))
            {
                affected.Add(id);
            }
        }

        return affected;
    }

    /// <summary>
    /// The function's version-locked properties as SAM sees them: for a serverless function,
    /// Globals.Function merged in (maps recursively, lists global items first, otherwise the function's value).
    /// </summary>
    private static JsonObject Locked(JsonObject fragment, string type, JsonObject function)
    {
        var locked = LambdaProperties.VersionLocked(type);
        var properties = new JsonObject((function["Properties"] as JsonObject ?? [])
            .Where(p => locked.Contains(p.Key))
            .Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        if (type != LambdaProperties.Serverless || fragment["Globals"]?["Function"] is not JsonObject globals)
        {
            return properties;
        }

        var merged = new JsonObject(globals.Where(p => locked.Contains(p.Key)).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        return (JsonObject)Merge(merged, properties)!;
    }

    private static JsonNode? Merge(JsonNode? global, JsonNode? local) => (global, local) switch
    {
        (JsonObject g, JsonObject l) when !Intrinsic.Is(g) && !Intrinsic.Is(l) =>
            new JsonObject(g.Select(p => p.Key).Union(l.Select(p => p.Key)).Select(key => KeyValuePair.Create(
                key,
                !l.ContainsKey(key) ? g[key]?.DeepClone() : g.ContainsKey(key) ? Merge(g[key], l[key]) : l[key]?.DeepClone()))),
        (JsonArray g, JsonArray l) => new JsonArray([.. g.Concat(l).Select(item => item?.DeepClone())]),
        _ => local?.DeepClone(),
    };

    /// <summary>Compact text with every object's keys sorted: the merge may order keys differently.</summary>
    private static string Sorted(JsonNode? node) => JsonText.ToCompact(SortedKeys(node));

    private static JsonNode? SortedKeys(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, SortedKeys(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(SortedKeys)]),
        _ => node?.DeepClone(),
    };

    /// <summary>Layers items that point at a layer resource of the template: <c>Ref</c> or <c>Fn::GetAtt</c>.</summary>
    private static IEnumerable<string> LayerIds(JsonObject config) =>
        (config["Layers"] as JsonArray ?? []).Select(item => item switch
        {
            JsonObject { Count: 1 } o when o["Ref"] is JsonValue id => id.GetValue<string>(),
            JsonObject { Count: 1 } o when o["Fn::GetAtt"] is JsonArray { Count: 2 } args => args[0]!.GetValue<string>(),
            _ => null,
        }).OfType<string>();

    /// <summary>
    /// What of a layer a version depends on: its type and properties and, for a SAM layer, the
    /// attributes SAM names the layer version it generates after (Condition, DependsOn,
    /// UpdatePolicy); never Metadata or the deletion policies.
    /// </summary>
    private static string? Layer(JsonObject fragment, string id)
    {
        if (fragment["Resources"]?[id] is not JsonObject layer || !LayerTypes.Contains(layer["Type"]?.GetValue<string>() ?? ""))
        {
            return null;
        }

        var kept = new JsonObject { ["Type"] = layer["Type"]!.DeepClone(), ["Properties"] = layer["Properties"]?.DeepClone() };
        if (layer["Type"]!.GetValue<string>() == "AWS::Serverless::LayerVersion")
        {
            foreach (var attribute in new[] { "Condition", "DependsOn", "UpdatePolicy" })
            {
                kept[attribute] = layer[attribute]?.DeepClone();
            }
        }

        return JsonText.ToCompact(kept);
    }

    /// <summary>
    /// What the resources that <paramref name="configText"/> names contribute (a <c>Ref</c>, a
    /// <c>Fn::GetAtt</c>, a <c>${Name}</c> or <c>${Name.Attribute}</c> in a Sub): their replacing
    /// properties for a Ref or an identifying attribute, else all their properties but Tags; and the
    /// implicit role's RolePath.
    /// </summary>
    private static string Referenced(JsonObject fragment, string type, JsonObject function, string configText)
    {
        var parts = new List<string>();
        var properties = function["Properties"] as JsonObject ?? [];
        if (HasImplicitRole(type, properties) && properties["RolePath"] is { } rolePath)
        {
            parts.Add("RolePath=" + JsonText.ToCompact(rolePath));
        }

        foreach (var (id, node) in (JsonObject)fragment["Resources"]!)
        {
            var resourceType = node?["Type"]?.GetValue<string>() ?? "";
            if (!Referenceable.TryGetValue(resourceType, out var rule))
            {
                continue;
            }

            var attributes = ReferenceAttributes(configText, id).ToList();
            if (attributes.Count == 0)
            {
                continue;
            }

            var resourceProperties = node!["Properties"] as JsonObject ?? [];
            var whole = attributes.Any(a => a is not null && !rule.Identifying.Contains(a));
            var kept = resourceProperties.Where(p => whole ? p.Key != "Tags" : rule.Replacing.Contains(p.Key));
            parts.Add($"{id}:{resourceType}:{Sorted(new JsonObject(kept.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))))}");
        }

        return string.Join("|", parts);
    }

    /// <summary>Each reference to <paramref name="id"/> in compact JSON: null for a Ref or a bare <c>${Id}</c>, else the attribute.</summary>
    private static IEnumerable<string?> ReferenceAttributes(string configText, string id)
    {
        if (configText.Contains($"{{\"Ref\":\"{id}\"}}", StringComparison.Ordinal) || configText.Contains($"${{{id}}}", StringComparison.Ordinal))
        {
            yield return null;
        }

        foreach (Match match in GetAttOrSub().Matches(configText))
        {
            if (match.Groups["id"].Value == id)
            {
                yield return match.Groups["attribute"].Value;
            }
        }
    }

    [GeneratedRegex("""\{"Fn::GetAtt":\["(?<id>\w+)","(?<attribute>[\w.]+)"\]\}|\$\{(?<id>\w+)\.(?<attribute>[\w.]+)\}""")]
    private static partial Regex GetAttOrSub();
}

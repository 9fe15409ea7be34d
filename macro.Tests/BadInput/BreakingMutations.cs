using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;
using MacroVersioning.Tests.Properties;

namespace MacroVersioning.Tests.BadInput;

/// <summary>
/// Breaks valid generated templates at random: deleted keys, values of the wrong kind, nulls in lists
/// and maps, renamed keys, hostile intrinsics, values past the nesting limit.
/// </summary>
internal sealed class BreakingMutations(int seed)
{
    private readonly RandomJson random = new(unchecked((seed * 31) + 7));

    private static readonly string[] Replacements =
    [
        "null", "\"\"", "\"x\"", "0", "-1", "1e308", "true", "[]", "{}", """[null,1,"a",{},[]]""",
        """{"Ref":"Nope"}""", """{"Ref":5}""", """{"Ref":"AWS::NoValue"}""", """{"Fn::GetAtt":1}""", """{"Fn::If":[]}""",
        """{"Fn::If":["IsProd",{"Ref":"AWS::NoValue"},null]}""", """{"Fn::Sub":["${X}",null]}""", """{"Fn::Sub":{"a":1}}""",
        """{"Condition":5}""", """{"Fn::FindInMap":["Sizes",{"Ref":"Stage"}]}""", """{"Fn::Select":[-1,[]]}""",
        """{"Fn::Join":[null,[1,{"Ref":"Secret0"}]]}""", """{"Fn::Split":["",""]}""", """{"Ref":"Secret0","Extra":1}""",
        "\"s3://\"", "\"s3://bucket/\"", "\"s3://bucket/key?versionId=\"", "\"東京 🚀 \\u0000\"",
    ];

    /// <summary>Keys the macro reads somewhere, so a value of the wrong kind lands where it matters.</summary>
    private static readonly string[] ReadKeys =
    [
        "Type", "Properties", "Condition", "Metadata", "VersioningMacro", "IgnoreGlobals", "AutoPublishAlias", "CodeUri", "Code",
        "InlineCode", "ImageUri", "PackageType", "Layers", "Environment", "Variables", "Description", "Globals", "Function",
        "Parameters", "NoEcho", "Conditions", "Mappings", "Outputs", "Resources", "S3Bucket", "S3Key", "Bucket", "Key", "Version",
        "ContentUri", "Content", "Enabled", "HashedProperties", "IgnoredProperties", "StampDescription", "CodeIdentity", "Ref", "Fn::If",
    ];

    /// <returns>What was broken, for the failure message.</returns>
    public List<string> Break(JsonObject root, int count)
    {
        var done = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var nodes = Nodes(root, "").ToList();
            var (node, path) = random.Pick(nodes);
            done.Add(random.Next(0, 8) switch
            {
                6 or 7 when node is JsonObject obj => Set(obj, path, random.Pick(ReadKeys), random.Pick(Replacements)),
                0 when node is JsonObject { Count: > 0 } obj => Delete(obj, path),
                1 when node is JsonObject { Count: > 0 } obj => Rename(obj, path),
                2 when node is JsonArray array => InsertNull(array, path),
                3 when node is JsonObject obj => AddNull(obj, path),
                4 when node.Parent is not null => Deep(node, path, random.Pick([100, 300])),
                _ when node.Parent is not null => Replace(node, path, random.Pick(Replacements)),
                _ => "nothing",
            });
        }

        return done;
    }

    private static string Set(JsonObject obj, string path, string key, string json)
    {
        obj[key] = JsonText.Parse(json);
        return $"{path}.{key} := {json}";
    }

    private string Delete(JsonObject obj, string path)
    {
        var key = random.Pick(obj.Select(p => p.Key).ToList());
        obj.Remove(key);
        return $"deleted {path}.{key}";
    }

    private string Rename(JsonObject obj, string path)
    {
        var key = random.Pick(obj.Select(p => p.Key).ToList());
        var value = obj[key];
        obj.Remove(key);
        obj[key.ToLowerInvariant() + "_"] = value;
        return $"renamed {path}.{key}";
    }

    private string InsertNull(JsonArray array, string path)
    {
        array.Insert(random.Next(0, array.Count + 1), null);
        return $"null into {path}";
    }

    private static string AddNull(JsonObject obj, string path)
    {
        obj["Injected"] = null;
        return $"null at {path}.Injected";
    }

    private static string Replace(JsonNode node, string path, string json)
    {
        Put(node, JsonText.Parse(json));
        return $"{path} := {json}";
    }

    /// <summary>Past the limit (300) or within it but past what default serializer options write (100 &gt; 64).</summary>
    private string Deep(JsonNode node, string path, int depth)
    {
        JsonNode deep = "leaf";
        for (var i = 0; i < depth; i++)
        {
            deep = random.Chance(0.5) ? new JsonArray(deep) : new JsonObject { ["a"] = deep };
        }

        Put(node, deep);
        return $"{path} := a value {depth} levels deep";
    }

    private static void Put(JsonNode node, JsonNode? replacement)
    {
        switch (node.Parent)
        {
            case JsonObject parent:
                parent[node.GetPropertyName()] = replacement;
                break;
            case JsonArray parent:
                parent[node.GetElementIndex()] = replacement;
                break;
        }
    }

    private static IEnumerable<(JsonNode Node, string Path)> Nodes(JsonNode? node, string path)
    {
        if (node is null)
        {
            yield break;
        }

        yield return (node, path);
        var children = node switch
        {
            JsonObject obj => obj.Select(p => (p.Value, $"{path}.{p.Key}")),
            JsonArray array => array.Select((item, i) => (item, $"{path}[{i}]")),
            _ => [],
        };
        foreach (var (child, childPath) in children.ToList())
        {
            foreach (var found in Nodes(child, childPath))
            {
                yield return found;
            }
        }
    }
}

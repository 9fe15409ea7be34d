using YamlDotNet.RepresentationModel;

namespace MacroVersioning.Tests.Examples;

/// <summary>
/// Turns an example into the template a tool that does not run the macro can check: the
/// VersioningMacro entry leaves Transform, and SAM-style <c>Func.Version</c> references (which the
/// macro points at the version it adds) point at a stand-in <c>AWS::Lambda::Version</c> instead.
/// Everything else, short-form tags included, is written back as it was.
/// </summary>
public static class MacroFreeTemplate
{
    public const string MacroName = "VersioningMacro";
    public const string StandInSuffix = "VersionStandIn";

    public static string Rewrite(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;

        RemoveMacroFromTransform(root);
        if (root.Children.TryGetValue("Resources", out var resources) && resources is YamlMappingNode resourceMap)
        {
            var functions = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var (key, value) in root.Children.ToList())
            {
                root.Children[key] = Redirect(value, resourceMap, functions);
            }

            foreach (var function in functions)
            {
                resourceMap.Add(function + StandInSuffix, new YamlMappingNode
                {
                    { "Type", "AWS::Lambda::Version" },
                    { "Properties", new YamlMappingNode { { "FunctionName", new YamlScalarNode(function) { Tag = "!Ref" } } } },
                });
            }
        }

        using var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static void RemoveMacroFromTransform(YamlMappingNode root)
    {
        if (!root.Children.TryGetValue("Transform", out var transform))
        {
            return;
        }

        if (IsMacroEntry(transform))
        {
            root.Children.Remove("Transform");
        }
        else if (transform is YamlSequenceNode list)
        {
            foreach (var entry in list.Children.Where(IsMacroEntry).ToList())
            {
                list.Children.Remove(entry);
            }

            if (list.Children.Count == 0)
            {
                root.Children.Remove("Transform");
            }
        }
    }

    private static bool IsMacroEntry(YamlNode entry) => entry switch
    {
        YamlScalarNode scalar => scalar.Value == MacroName,
        YamlMappingNode map => map.Children.TryGetValue("Name", out var name) && name is YamlScalarNode { Value: MacroName },
        _ => false,
    };

    private static YamlNode Redirect(YamlNode node, YamlMappingNode resources, ISet<string> functions)
    {
        switch (node)
        {
            case YamlScalarNode reference when IsTagged(reference, "!Ref") && VersionOf(reference.Value, ".Version", resources) is { } function:
                functions.Add(function);
                return new YamlScalarNode(function + StandInSuffix) { Tag = "!Ref" };
            case YamlScalarNode attribute when IsTagged(attribute, "!GetAtt") && VersionOf(attribute.Value, ".Version.Version", resources) is { } function:
                functions.Add(function);
                return new YamlScalarNode(function + StandInSuffix + ".Version") { Tag = "!GetAtt" };
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children.ToList())
                {
                    map.Children[key] = Redirect(value, resources, functions);
                }

                return map;
            case YamlSequenceNode list:
                for (var i = 0; i < list.Children.Count; i++)
                {
                    list.Children[i] = Redirect(list.Children[i], resources, functions);
                }

                return list;
            default:
                return node;
        }
    }

    private static bool IsTagged(YamlNode node, string tag) => node.Tag.IsLocal && node.Tag.Value == tag;

    private static string? VersionOf(string? reference, string suffix, YamlMappingNode resources) =>
        reference is not null && reference.EndsWith(suffix, StringComparison.Ordinal)
            && resources.Children.ContainsKey(reference[..^suffix.Length])
            ? reference[..^suffix.Length]
            : null;
}

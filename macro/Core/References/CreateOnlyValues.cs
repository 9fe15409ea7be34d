using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;

namespace MacroVersioning.Core.References;

/// <summary>
/// The values at a resource's create-only property paths, taken from its resolved properties: a path
/// such as <c>PosixUser/Uid</c> or <c>Tags/*/Key</c> descends maps by name and lists item by item.
/// </summary>
internal static class CreateOnlyValues
{
    /// <summary>
    /// The value at <paramref name="path"/>, or null when it is not set. An intrinsic met on the way
    /// (a value known only at deploy time) is taken whole: over-including it costs at most a spurious version.
    /// </summary>
    public static JsonNode? At(JsonNode? node, ReadOnlySpan<string> path)
    {
        if (path.IsEmpty || node is null || Intrinsic.Is(node))
        {
            return node?.DeepClone();
        }

        switch (node)
        {
            case JsonObject obj when path[0] != "*":
                return obj.TryGetPropertyValue(path[0], out var child) ? At(child, path[1..]) : null;
            case JsonArray array when path[0] == "*":
                var items = new JsonArray();
                foreach (var item in array)
                {
                    items.Add(At(item, path[1..]));
                }

                return items;
            default:
                // The value does not have the shape the schema describes: keep it, CloudFormation will judge it.
                return node.DeepClone();
        }
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace MacroVersioning.Core.Json;

/// <summary>
/// Recognises CloudFormation intrinsic functions the way the SAM translator does
/// (samtranslator/model/intrinsics.py <c>is_intrinsic</c>): an object with exactly one key that is
/// <c>Ref</c>, <c>Condition</c> or starts with <c>Fn::</c>.
/// </summary>
internal static class Intrinsic
{
    public static bool TryGet(JsonNode? node, [NotNullWhen(true)] out string? name, out JsonNode? argument)
    {
        if (node is JsonObject { Count: 1 } obj)
        {
            var (key, value) = obj.GetAt(0);
            if (key is "Ref" or "Condition" || key.StartsWith("Fn::", StringComparison.Ordinal))
            {
                name = key;
                argument = value;
                return true;
            }
        }

        name = null;
        argument = null;
        return false;
    }

    public static bool Is(JsonNode? node) => TryGet(node, out _, out _);

    public static JsonObject Make(string name, JsonNode? argument) => new() { [name] = argument };
}

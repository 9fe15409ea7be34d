using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace MacroVersioning.Core.Json;

/// <summary>
/// Finds, without recursing itself, what would break the stages after it: nesting deeper than they may
/// recurse (a stack overflow kills the Lambda process instead of failing the request), a key repeated
/// within one object (System.Text.Json then throws on first access), and strings holding a lone UTF-16
/// surrogate (not text: reading or writing them throws). Every later stage can then trust the input.
/// </summary>
internal static class JsonInputCheck
{
    /// <summary>Path segments kept in a message: enough to name the resource and property.</summary>
    private const int PathSegments = 4;

    /// <returns>The first problem found under <paramref name="root"/>, or null when there is none.</returns>
    public static Problem? FindProblem(JsonNode? root, string rootPath, int maxDepth)
    {
        // Nodes and their depths on two stacks; a node's path is worked out from its parents only
        // when it has a problem, rather than built for every value of the template.
        var pending = new Stack<JsonNode?>();
        var depths = new Stack<int>();
        pending.Push(root);
        depths.Push(1);
        while (pending.TryPop(out var node))
        {
            var depth = depths.Pop();
            switch (node)
            {
                case JsonObject or JsonArray when depth > maxDepth:
                    return new Problem(PathOf(node, root, rootPath), $"nests objects and lists more than {maxDepth} levels deep; VersioningMacro reads values nested up to {maxDepth} levels (no real template comes close): flatten it");
                case JsonObject obj:
                    if (Unreadable(obj) is { } unreadable)
                    {
                        return new Problem(PathOf(obj, root, rootPath), unreadable);
                    }

                    // Pushed last to first, so the first problem found is the first in the document.
                    for (var i = obj.Count - 1; i >= 0; i--)
                    {
                        var (key, value) = obj.GetAt(i);
                        if (HasLoneSurrogate(key))
                        {
                            return new Problem(PathOf(obj, root, rootPath), $"has a property name with a lone UTF-16 surrogate (an unpaired \\uD800-\\uDFFF escape), which is not text: {Escaped(key)}");
                        }

                        pending.Push(value);
                        depths.Push(depth + 1);
                    }

                    break;
                case JsonArray array:
                    for (var i = array.Count - 1; i >= 0; i--)
                    {
                        pending.Push(array[i]);
                        depths.Push(depth + 1);
                    }

                    break;
                case JsonValue value when IsBrokenString(value):
                    return new Problem(PathOf(value, root, rootPath), "is a string with a lone UTF-16 surrogate (an unpaired \\uD800-\\uDFFF escape), which is not text; remove or complete the escape");
            }
        }

        return null;
    }

    /// <summary>
    /// Where <paramref name="node"/> is under <paramref name="root"/>, by its first <see cref="PathSegments"/>
    /// segments (then "…"): found by walking up its parents, which every node of a tree knows.
    /// </summary>
    private static string PathOf(JsonNode node, JsonNode? root, string rootPath)
    {
        var segments = new List<string>();
        for (var at = node; !ReferenceEquals(at, root) && at.Parent is { } parent; at = parent)
        {
            segments.Add(parent is JsonArray ? $"[{at.GetElementIndex()}]" : at.GetPropertyName());
        }

        segments.Reverse();
        var path = rootPath;
        for (var i = 0; i < segments.Count; i++)
        {
            if (i == PathSegments)
            {
                return path + "…";
            }

            var segment = segments[i];
            path = path.Length == 0 ? segment : segment.StartsWith('[') ? path + segment : $"{path}.{segment}";
        }

        return path;
    }

    /// <summary>Why the members cannot be read, if they cannot: a parsed object only finds out when first read.</summary>
    private static string? Unreadable(JsonObject obj)
    {
        try
        {
            _ = obj.Count;
            return null;
        }
        catch (ArgumentException)
        {
            return "repeats a property name within one object; JSON object keys must be unique";
        }
        catch (InvalidOperationException)
        {
            return "has a property name with a lone UTF-16 surrogate (an unpaired \\uD800-\\uDFFF escape), which is not text; fix the name";
        }
    }

    private static bool IsBrokenString(JsonValue value)
    {
        if (value.GetValueKind() != JsonValueKind.String)
        {
            return false;
        }

        // Valid UTF-8 cannot encode a surrogate, so a parsed string holds one only through a \u escape:
        // one without any escape that is valid UTF-8 is text, without decoding every string to know.
        if (value.TryGetValue<JsonElement>(out var element)
            && JsonMarshal.GetRawUtf8Value(element) is var raw && !raw.Contains((byte)'\\') && Utf8.IsValid(raw))
        {
            return false;
        }

        try
        {
            return HasLoneSurrogate(value.GetValue<string>());
        }
        catch (InvalidOperationException)
        {
            // A parsed string whose \u escapes do not decode.
            return true;
        }
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static string Escaped(string text) =>
        string.Concat(text.Select(c => char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString()));
}

using System.Text.Json.Nodes;

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
        // Two stacks of references rather than one of tuples: the framework has their code precompiled.
        var pending = new Stack<JsonNode?>();
        var places = new Stack<Location>();
        pending.Push(root);
        places.Push(Location.Root(rootPath));
        while (pending.TryPop(out var node))
        {
            var at = places.Pop();
            var depth = at.Depth;
            switch (node)
            {
                case JsonObject or JsonArray when depth > maxDepth:
                    return new Problem(at.Text, $"nests objects and lists more than {maxDepth} levels deep; VersioningMacro reads values nested up to {maxDepth} levels (no real template comes close): flatten it");
                case JsonObject obj:
                    if (Unreadable(obj) is { } unreadable)
                    {
                        return new Problem(at.Text, unreadable);
                    }

                    // Pushed last to first, so the first problem found is the first in the document.
                    for (var i = obj.Count - 1; i >= 0; i--)
                    {
                        var (key, value) = obj.GetAt(i);
                        if (HasLoneSurrogate(key))
                        {
                            return new Problem(at.Text, $"has a property name with a lone UTF-16 surrogate (an unpaired \\uD800-\\uDFFF escape), which is not text: {Escaped(key)}");
                        }

                        pending.Push(value);
                        places.Push(at.Enter(key));
                    }

                    break;
                case JsonArray array:
                    for (var i = array.Count - 1; i >= 0; i--)
                    {
                        pending.Push(array[i]);
                        places.Push(at.Enter(i));
                    }

                    break;
                case JsonValue value when IsBrokenString(value):
                    return new Problem(at.Text, "is a string with a lone UTF-16 surrogate (an unpaired \\uD800-\\uDFFF escape), which is not text; remove or complete the escape");
            }
        }

        return null;
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
        if (value.GetValueKind() != System.Text.Json.JsonValueKind.String)
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

    /// <summary>
    /// Where a value is, by its first <see cref="PathSegments"/> segments. Only a link to the parent
    /// and the segment are kept: the text is built for the one value that has a problem, not for every value.
    /// </summary>
    private sealed class Location
    {
        private readonly Location? parent;
        private readonly string? key;
        private readonly int index;
        private readonly string rootPath;
        private readonly int segments;
        private readonly bool truncated;

        private Location(Location? parent, string? key, int index, string rootPath, int segments, bool truncated, int depth)
        {
            Depth = depth;
            this.parent = parent;
            this.key = key;
            this.index = index;
            this.rootPath = rootPath;
            this.segments = segments;
            this.truncated = truncated;
        }

        /// <summary>Nesting level of the value here: 1 for the root.</summary>
        public int Depth { get; }

        public string Text => truncated ? Path + "…" : Path;

        private string Path
        {
            get
            {
                if (parent is null)
                {
                    return rootPath;
                }

                var before = parent.Path;
                var segment = key ?? $"[{index}]";
                return before.Length == 0 ? segment : segment.StartsWith('[') ? before + segment : $"{before}.{segment}";
            }
        }

        public static Location Root(string path) => new(null, null, 0, path, 0, false, 1);

        public Location Enter(string segment) => Enter(segment, 0);

        public Location Enter(int i) => Enter(null, i);

        private Location Enter(string? segment, int i) =>
            segments >= PathSegments ? Truncated() : new(this, segment, i, rootPath, segments + 1, false, Depth + 1);

        /// <summary>One level deeper, named by the same (cut) path.</summary>
        private Location Truncated() => new(parent, key, index, rootPath, segments, true, Depth + 1);
    }
}

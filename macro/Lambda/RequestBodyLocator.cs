using System.Text;
using System.Text.Json;
using MacroVersioning.Core;

namespace MacroVersioning.Lambda;

/// <summary>
/// A second, tolerant pass over a body the parser refused: valid JSON nested too deep, with a repeated
/// key or a string that is not text, or a body that is not JSON at all. It finds the top-level
/// <c>requestId</c> (for a body that is not JSON, one read before the syntax error), so the failure
/// still reaches the CloudFormation request it answers, and says where the first such problem is.
/// Runs only on refused bodies, so the common path never pays for tracking paths.
/// </summary>
internal static class RequestBodyLocator
{
    /// <summary>Enough segments to name the resource, the property and a little below it.</summary>
    private const int PathSegments = 8;

    private const string LoneSurrogate = "a lone UTF-16 surrogate (an unpaired \\uD800-\\uDFFF escape), which is not text";

    /// <summary>The request id (null if absent, not a readable string, or repeated with different values)
    /// and the first problem, in document order. For a body that is not JSON the problem is null and the
    /// request id is the one read before the syntax error, if any.</summary>
    public static (string? RequestId, Problem? Problem) Locate(ReadOnlySpan<byte> utf8, int maxDepth)
    {
        // No depth limit here: the reader keeps its nesting in a bit stack, not on the call stack.
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = int.MaxValue });
        var frames = new Stack<Frame>();
        string? pendingName = null;
        var requestIds = new HashSet<string>(StringComparer.Ordinal);
        Problem? problem = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var frame = frames.Peek();
                        if (!TryGetString(ref reader, out pendingName))
                        {
                            pendingName = Encoding.UTF8.GetString(reader.ValueSpan);
                            problem ??= At(frame.Location, $"has a property name with {LoneSurrogate}: {pendingName}");
                        }
                        else if (!frame.Names!.Add(pendingName))
                        {
                            problem ??= At(frame.Location, $"repeats the property name {pendingName} within one object; JSON object keys must be unique");
                        }

                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        var container = Enter(frames, pendingName);
                        if (frames.Count >= maxDepth)
                        {
                            problem ??= At(container, $"nests objects and arrays more than {maxDepth} levels deep; the macro reads templates up to that depth");
                        }

                        frames.Push(new Frame(container, reader.TokenType == JsonTokenType.StartObject ? new HashSet<string>(StringComparer.Ordinal) : null));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.Pop();
                        break;
                    default:
                        var at = Enter(frames, pendingName);
                        var readable = reader.TokenType != JsonTokenType.String || TryGetString(ref reader, out var text);
                        if (!readable)
                        {
                            problem ??= At(at, $"is a string with {LoneSurrogate}; remove or complete the escape");
                        }
                        else if (frames.Count == 1 && pendingName == "requestId" && reader.TokenType == JsonTokenType.String)
                        {
                            requestIds.Add(reader.GetString()!);
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            return (requestIds.Count == 1 ? requestIds.Single() : null, null);
        }

        return (requestIds.Count == 1 ? requestIds.Single() : null, problem);
    }

    private static bool TryGetString(ref Utf8JsonReader reader, out string text)
    {
        try
        {
            text = reader.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = string.Empty;
            return false;
        }
    }

    /// <summary>The location of the value about to be read: under its property name, or its index in a list.</summary>
    private static Location Enter(Stack<Frame> frames, string? pendingName)
    {
        if (!frames.TryPeek(out var parent))
        {
            return new Location(string.Empty, 0, false);
        }

        return parent.Names is null ? parent.Location.Enter($"[{parent.NextIndex++}]") : parent.Location.Enter(pendingName!);
    }

    /// <summary>Template paths are relative to the fragment, as in the core's messages; the other fields keep their name.</summary>
    private static Problem At(Location location, string message)
    {
        var path = location.Path.StartsWith("fragment.", StringComparison.Ordinal) ? location.Path["fragment.".Length..] : location.Path;
        return path.Length == 0
            ? new Problem(string.Empty, $"the request body {message}")
            : new Problem(location.Truncated ? path + "…" : path, message);
    }

    private sealed class Frame(Location location, HashSet<string>? names)
    {
        public Location Location { get; } = location;

        /// <summary>The names seen so far in an object; null for a list.</summary>
        public HashSet<string>? Names { get; } = names;

        public int NextIndex { get; set; }
    }

    private readonly record struct Location(string Path, int Segments, bool Truncated)
    {
        public Location Enter(string segment) =>
            Segments >= PathSegments ? this with { Truncated = true }
            : new(Path.Length == 0 ? segment : segment.StartsWith('[') ? Path + segment : $"{Path}.{segment}", Segments + 1, false);
    }
}

using System.Text.Json.Nodes;

namespace MacroVersioning.Tests.Properties;

/// <summary>Seeded choices for generated templates; the same seed always makes the same choices.</summary>
internal sealed class RandomJson(int seed)
{
    private readonly Random random = new(seed);

    public bool Chance(double probability) => random.NextDouble() < probability;

    public int Next(int min, int max) => random.Next(min, max);

    public T Pick<T>(IReadOnlyList<T> options) => options[random.Next(options.Count)];

    public string Token() => $"{random.Next():x8}{random.Next():x8}";

    /// <summary>A number written as a number or as a quoted string: Lambda reads both alike.</summary>
    public JsonNode Number(int value) => Chance(0.5) ? JsonValue.Create(value) : JsonValue.Create(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public JsonNode Bool(bool value) => Chance(0.5) ? JsonValue.Create(value) : JsonValue.Create(value ? "true" : "false");

    /// <summary>Up to <paramref name="max"/> distinct items, in a random order.</summary>
    public List<T> Subset<T>(IReadOnlyList<T> options, int max) =>
        [.. options.OrderBy(_ => random.Next()).Take(random.Next(0, max + 1))];

    /// <summary>A copy of <paramref name="node"/> with every object's keys in a random order (lists keep theirs).</summary>
    public JsonNode? Shuffled(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.ToList().OrderBy(_ => random.Next()).Select(p => KeyValuePair.Create(p.Key, Shuffled(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Shuffled)]),
        _ => node?.DeepClone(),
    };
}

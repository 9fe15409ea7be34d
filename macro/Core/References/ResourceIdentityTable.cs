namespace MacroVersioning.Core.References;

/// <summary>
/// The embedded table <c>resource-identity.tsv</c>, written by <c>scripts/resource-identity.py</c> from
/// the resource provider schemas cfn-lint ships (a test fails when the two disagree). Data, not code:
/// a new resource type is a regenerated table. Parsed on first use (about 1,600 types).
/// </summary>
internal static class ResourceIdentityTable
{
    private const string ResourceName = "resource-identity.tsv";

    private static readonly Lazy<Dictionary<string, ResourceIdentity>> Table = new(Load);

    /// <returns>Null for a type the schemas do not know (custom resources, third-party types).</returns>
    public static ResourceIdentity? Find(string type) => Table.Value.GetValueOrDefault(type);

    public static Dictionary<string, ResourceIdentity> Parse(TextReader reader)
    {
        var table = new Dictionary<string, ResourceIdentity>(StringComparer.Ordinal);
        var service = "";
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.EndsWith("::", StringComparison.Ordinal))
            {
                service = line;
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length != 3)
            {
                throw new InvalidDataException($"{ResourceName}: expected 3 tab-separated columns in '{line}'");
            }

            table[service + columns[0]] = new ResourceIdentity(
                [.. Items(columns[1]).Select(path => path.Split('/'))],
                Items(columns[2]).ToHashSet(StringComparer.Ordinal));
        }

        return table;
    }

    private static string[] Items(string column) => column.Split(',', StringSplitOptions.RemoveEmptyEntries);

    private static Dictionary<string, ResourceIdentity> Load()
    {
        using var stream = typeof(ResourceIdentityTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}

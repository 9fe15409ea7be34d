namespace MacroVersioning.Core.Validation;

/// <summary>
/// "Did you mean": the known name a typo most likely meant (<c>MemmorySize</c> → <c>MemorySize</c>,
/// <c>Timout</c> → <c>Timeout</c>, <c>memorysize</c> → <c>MemorySize</c>), by optimal string alignment
/// distance ignoring case, within 1 edit for short names and 2 for names of 6 letters or more. None
/// when two names are equally near, or nothing is: then the name is genuinely new.
/// </summary>
internal static class NearMiss
{
    public static string? Find(string word, IEnumerable<string> known)
    {
        var limit = word.Length >= 6 ? 2 : 1;
        var best = known
            .Where(k => !string.Equals(k, word, StringComparison.Ordinal))
            .Select(k => (Name: k, Distance: Distance(word.ToUpperInvariant(), k.ToUpperInvariant())))
            .Where(c => c.Distance <= limit)
            .OrderBy(c => c.Distance)
            .Take(2)
            .ToList();
        return best.Count == 1 || (best.Count == 2 && best[0].Distance < best[1].Distance) ? best[0].Name : null;
    }

    /// <summary>Levenshtein distance where swapping two neighbouring letters counts as one edit.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}

namespace MacroVersioning.Cli;

/// <summary>The <c>prune</c> command's arguments.</summary>
/// <param name="Region">Null: from AWS_REGION or AWS_DEFAULT_REGION at run time.</param>
/// <param name="Endpoint">Null: Lambda's public endpoint in the region.</param>
internal sealed record PruneArgs(string Function, int Keep, bool DryRun, string? Region, Uri? Endpoint) : CliRequest
{
    public const string DryRunFlag = "--dry-run";

    public static readonly string[] Flags = ["--keep", "--region", "--endpoint"];

    /// <summary>Validates what <c>CliArguments</c> split out; <paramref name="dryRun"/> is the value-less flag taken out before.</summary>
    public static CliParseResult Parse(List<string> positionals, List<(string Flag, string Value)> flags, bool dryRun)
    {
        if (positionals.Count != 1)
        {
            return CliParseResult.Usage(positionals.Count == 0
                ? "prune needs FUNCTION (a function name or ARN)"
                : $"prune takes one FUNCTION, got {positionals.Count}: {string.Join(' ', positionals)}");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (flag, value) in flags)
        {
            if (!values.TryAdd(flag, value))
            {
                return CliParseResult.Usage($"{flag} is given twice");
            }
        }

        if (!values.TryGetValue("--keep", out var keepText))
        {
            return CliParseResult.Usage("prune needs --keep N (how many of the macro's newest versions stay)");
        }

        if (!int.TryParse(keepText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var keep) || keep < 1)
        {
            return CliParseResult.Usage($"--keep {keepText} is not a whole number of at least 1");
        }

        Uri? endpoint = null;
        if (values.TryGetValue("--endpoint", out var endpointText)
            && !(Uri.TryCreate(endpointText, UriKind.Absolute, out endpoint) && endpoint.Scheme is "http" or "https"))
        {
            return CliParseResult.Usage($"--endpoint {endpointText} is not an http:// or https:// URL");
        }

        return new(new PruneArgs(positionals[0], keep, dryRun, values.GetValueOrDefault("--region"), endpoint), null);
    }
}

namespace MacroVersioning.Cli;

/// <summary>A parsed command line, or the usage error that stopped it (never both).</summary>
internal sealed record CliParseResult(CliRequest? Request, string? Error)
{
    public static CliParseResult Usage(string error) => new(null, error);
}

namespace MacroVersioning.Cli;

/// <summary>The CLI's exit codes (documented in <see cref="HelpText"/>).</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The template (or macro request) was rejected, or the run failed; problems are on stderr.</summary>
    public const int Rejected = 1;

    /// <summary>The command line is wrong: unknown flag, missing file, bad <c>--param</c>.</summary>
    public const int Usage = 2;

    /// <summary>Interrupted (Ctrl-C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;
}

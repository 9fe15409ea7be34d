namespace MacroVersioning.Cli;

/// <summary>The CLI's exit codes (documented in <see cref="HelpText"/>).</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The template (or macro request) was rejected, or the run failed; problems are on stderr.</summary>
    public const int Rejected = 1;

    /// <summary>The command line is wrong: unknown flag, missing file, bad <c>--param</c>.</summary>
    public const int Usage = 2;

    /// <summary><c>diff</c>: some function gets a new version, or is added or removed (as <c>git diff --exit-code</c>).</summary>
    public const int Changed = 1;

    /// <summary><c>diff</c>: a template was rejected or the run failed (kept apart from <see cref="Changed"/> so a pipeline can gate on 1).</summary>
    public const int DiffFailed = 3;

    /// <summary>Interrupted (Ctrl-C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;
}

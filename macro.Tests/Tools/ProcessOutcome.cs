namespace MacroVersioning.Tests.Tools;

/// <summary>What a finished external process wrote and how it exited.</summary>
public sealed record ProcessOutcome(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Exit code and both streams, for assertion messages.</summary>
    public string Describe() => $"exit code {ExitCode}\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
}

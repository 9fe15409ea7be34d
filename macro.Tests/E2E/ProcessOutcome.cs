namespace MacroVersioning.Tests.E2E;

/// <summary>What a finished child process left: its exit code and both output streams.</summary>
internal sealed record ProcessOutcome(int ExitCode, string Stdout, string Stderr);

namespace MacroVersioning.Cli;

/// <summary><c>--help</c>, <c>help</c>, or <c>COMMAND --help</c>.</summary>
/// <param name="Command">The command whose help is wanted; null for the overview.</param>
internal sealed record HelpRequest(string? Command) : CliRequest;

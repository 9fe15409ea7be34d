namespace MacroVersioning.Cli;

/// <summary>What the command line asks for, once parsed and validated.</summary>
internal abstract record CliRequest;

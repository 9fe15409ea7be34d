namespace MacroVersioning.Cli;

/// <summary>A template that is not well-formed JSON or CloudFormation YAML, located by line and column (1-based).</summary>
internal sealed class TemplateFormatException(string reason, int line, int column)
    : Exception($"line {line}, column {column}: {reason}")
{
    public string Reason { get; } = reason;

    public int Line { get; } = line;

    public int Column { get; } = column;
}

namespace MacroVersioning.Cli;

/// <summary>The two template formats CloudFormation reads (and the CLI writes: <c>--format</c>).</summary>
internal enum TemplateFormat
{
    Json,
    Yaml,
}

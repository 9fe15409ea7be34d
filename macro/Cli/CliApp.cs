namespace MacroVersioning.Cli;

/// <summary>The local CLI: transform and invoke.</summary>
internal static class CliApp
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine($"usage: VersioningMacro transform TEMPLATE ({args.Length} args)");
        return Task.FromResult(2);
    }
}

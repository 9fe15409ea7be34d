using MacroVersioning.Cli;

namespace MacroVersioning.Tests.Cli;

/// <summary>One run of the CLI with captured streams and a controlled environment.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = await CliApp.RunAsync(args, stdout, stderr, name => environment?.GetValueOrDefault(name), CancellationToken.None);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(null, args);
}

using System.Text.RegularExpressions;
using MacroVersioning.Tests.Cli;
using MacroVersioning.Tests.Tools;

namespace MacroVersioning.Tests.Aot;

/// <summary>The macro's CLI as a child process, from either build, with a controlled environment.</summary>
internal static partial class MacroProcess
{
    /// <summary>
    /// Variables no run may inherit: AWS settings from the machine, and anything that would make the
    /// program take its Lambda path instead of the CLI.
    /// </summary>
    private static readonly string[] Cleared =
    [
        "AWS_LAMBDA_RUNTIME_API", "AWS_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_SESSION_TOKEN",
        "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_LAMBDA", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
        "VERSIONING_MACRO_HASH_KEY",
    ];

    /// <summary>The file to start and the arguments that come before the macro's own.</summary>
    public static async Task<(string File, string[] Prefix)> CommandAsync(MacroBuild build) => build switch
    {
        MacroBuild.Jit => (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [Path.Combine(AppContext.BaseDirectory, "VersioningMacro.dll")]),
        _ => (await AotExecutable.PathAsync(), []),
    };

    /// <param name="environment">Added to the cleared environment; a null value removes a variable.</param>
    public static async Task<ProcessOutcome> RunAsync(
        MacroBuild build, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var (file, prefix) = await CommandAsync(build);
        return await ExternalProcess.RunAsync(file, [.. prefix, .. args], workingDirectory, EnvironmentFor(workingDirectory, environment), TimeSpan.FromMinutes(2));
    }

    /// <summary>No AWS configuration from the machine: credentials only where a test gives them.</summary>
    public static Dictionary<string, string?> EnvironmentFor(string workingDirectory, IReadOnlyDictionary<string, string?>? extra)
    {
        var result = Cleared.ToDictionary(name => name, string? (_) => null);
        result["AWS_ACCESS_KEY_ID"] = "S3RVER";
        result["AWS_SECRET_ACCESS_KEY"] = "S3RVER";
        result["AWS_CONFIG_FILE"] = Path.Combine(workingDirectory, "no-aws-config");
        result["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(workingDirectory, "no-aws-credentials");
        foreach (var (name, value) in extra ?? new Dictionary<string, string?>())
        {
            result[name] = value;
        }

        return result;
    }

    /// <summary>
    /// Runs the AOT executable as a child process and the JIT-compiled build of the same code in this
    /// process (<see cref="CliRun"/>, the CLI tests' way: a child per case would cost far more CI time
    /// than it adds), on the same arguments and variables, and checks that the executable exits,
    /// prints and reports exactly as the JIT build: byte for byte. Paths in
    /// <paramref name="args"/> must be absolute, since the two runs have different folders.
    /// </summary>
    public static async Task<ProcessOutcome> SameFromBothAsync(
        IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var argList = args.ToList();
        var variables = (environment ?? new Dictionary<string, string?>())
            .Where(v => v.Value is not null)
            .ToDictionary(v => v.Key, v => v.Value!);
        var jit = await CliRun.RunAsync(variables, [.. argList]);
        var aot = await RunAsync(MacroBuild.Aot, argList, workingDirectory, environment);

        var jitOutcome = new ProcessOutcome(jit.ExitCode, jit.Stdout, jit.Stderr);
        aot.ExitCode.Should().Be(jit.ExitCode, $"the AOT build should exit as the JIT build on {string.Join(' ', argList)}\nJIT: {jitOutcome.Describe()}\nAOT: {aot.Describe()}");
        aot.StandardOutput.Should().Be(jit.Stdout, $"stdout of {string.Join(' ', argList)}");
        WithoutDurations(aot.StandardError).Should().Be(WithoutDurations(jit.Stderr), $"stderr of {string.Join(' ', argList)}");
        return aot;
    }

    /// <summary>The handler's log line carries its run time, the one thing two runs never share.</summary>
    public static string WithoutDurations(string log) => DurationMs().Replace(log, "\"durationMs\":_");

    [GeneratedRegex("\"durationMs\":[0-9]+")]
    private static partial Regex DurationMs();
}

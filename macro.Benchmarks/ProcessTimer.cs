using System.Diagnostics;

namespace MacroVersioning.Benchmarks;

/// <summary>Wall time of a whole process, from start to exit with its stdout read.</summary>
internal static class ProcessTimer
{
    /// <param name="environment">Variables to set (a null value removes one).</param>
    /// <returns>Milliseconds, exit code and stdout.</returns>
    public static (double Ms, int ExitCode, string Stdout) Run(
        string file, IReadOnlyList<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} could not be started");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var ms = clock.Elapsed.TotalMilliseconds;
        _ = stderr.GetAwaiter().GetResult();
        return (ms, process.ExitCode, stdout);
    }

    /// <summary>Runs a command to completion for setup (publishing), failing loudly.</summary>
    public static void Check(string file, params string[] args)
    {
        var (_, exitCode, stdout) = Run(file, args);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({exitCode}):\n{stdout}");
        }
    }
}

using System.ComponentModel;
using System.Diagnostics;

namespace MacroVersioning.Tests.E2E;

/// <summary>Runs a child process to the end, reading both streams at once so neither can fill up and block it.</summary>
internal static class ProcessRunner
{
    /// <returns>The outcome, or <c>null</c> when the executable cannot be started (not installed).</returns>
    public static async Task<ProcessOutcome?> RunAsync(
        string fileName, IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception)
        {
            return null;
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}");
        }

        return new ProcessOutcome(process.ExitCode, await stdout, await stderr);
    }
}

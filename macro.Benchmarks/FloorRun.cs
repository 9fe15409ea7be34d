using System.Diagnostics;

namespace MacroVersioning.Benchmarks;

/// <summary>The floor: <c>curl -s URL | sha256sum</c>, one stream fetched and hashed by native tools.</summary>
internal static class FloorRun
{
    public static async Task<(string Sha256Hex, double Seconds)> RunAsync(Uri url)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"set -o pipefail; curl -s --fail '{url}' | sha256sum");
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash could not be started");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var seconds = clock.Elapsed.TotalSeconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"curl | sha256sum failed ({process.ExitCode}); is curl installed?");
        }

        return (output.Split(' ')[0], seconds);
    }
}

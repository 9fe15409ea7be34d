using System.Diagnostics;
using System.Globalization;

namespace MacroVersioning.Benchmarks;

/// <summary>
/// Peak resident set (VmHWM) of whole processes. A finished child's peak is only reported by the
/// kernel to its parent, so a run is wrapped in GNU time (<c>/usr/bin/time -f %M</c>, the
/// <c>time</c> package); these runs are separate from the timed ones, which run unwrapped.
/// </summary>
internal static class PeakMemory
{
    private const string GnuTime = "/usr/bin/time";

    public static bool Available => File.Exists(GnuTime);

    /// <returns>The peak resident set in MiB.</returns>
    public static double OfRun(string file, IReadOnlyList<string> args, IReadOnlyDictionary<string, string?> environment)
    {
        var (_, exitCode, stdout) = ProcessTimer.Run(GnuTime, ["-f", "peak-kib=%M", "-o", "/dev/stdout", "-a", file, .. args], environment);
        var line = stdout.Split('\n').LastOrDefault(l => l.StartsWith("peak-kib=", StringComparison.Ordinal));
        if (exitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"{file} under {GnuTime} exited {exitCode}:\n{stdout}");
        }

        return double.Parse(line["peak-kib=".Length..], CultureInfo.InvariantCulture) / 1024;
    }

    /// <returns>The peak resident set so far of a running process, in MiB.</returns>
    public static double OfLiving(Process process)
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return double.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
    }
}

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
    public static double OfRun(string file, IReadOnlyList<string> args, IReadOnlyDictionary<string, string?> environment) =>
        Usage(file, args, environment).PeakMiB;

    /// <summary>Peak resident set, CPU time (user + system) and wall time of one run, as GNU time reports them.</summary>
    public static (double PeakMiB, double CpuSeconds, double WallSeconds, string Stdout) Usage(
        string file, IReadOnlyList<string> args, IReadOnlyDictionary<string, string?> environment)
    {
        var report = Path.GetTempFileName();
        try
        {
            var (_, exitCode, stdout) = ProcessTimer.Run(GnuTime, ["-f", "%M %U %S %e", "-o", report, file, .. args], environment);
            var fields = File.ReadAllText(report).Trim().Split('\n')[^1].Split(' ').Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"{file} under {GnuTime} exited {exitCode}:\n{stdout}");
            }

            return (fields[0] / 1024, fields[1] + fields[2], fields[3], stdout);
        }
        finally
        {
            File.Delete(report);
        }
    }

    /// <returns>The peak resident set so far of a running process, in MiB.</returns>
    public static double OfLiving(Process process)
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return double.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
    }
}

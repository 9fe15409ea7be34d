using System.Runtime.InteropServices;

namespace MacroVersioning.Benchmarks;

/// <summary>The line every benchmark report starts with: figures mean little without the machine.</summary>
internal static class MachineInfo
{
    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}; CPU {cpu ?? "unknown"}; "
            + $"{Environment.ProcessorCount} cores (nproc); .NET {Environment.Version}";
    }
}

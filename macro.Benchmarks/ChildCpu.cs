using System.Runtime.InteropServices;

namespace MacroVersioning.Benchmarks;

/// <summary>
/// CPU time (user + system) of the child processes this process has waited for, from
/// <c>getrusage(RUSAGE_CHILDREN)</c>. The difference around one run is that run's CPU time, a figure
/// other jobs on a shared machine disturb far less than wall time: they delay a process, they do not
/// make it do more work.
/// </summary>
internal static class ChildCpu
{
    private const int RusageChildren = -1;

    /// <returns>Milliseconds of CPU the reaped children have used so far.</returns>
    public static double TotalMs()
    {
        if (GetRusage(RusageChildren, out var usage) != 0)
        {
            throw new InvalidOperationException($"getrusage failed ({Marshal.GetLastWin32Error()})");
        }

        return (usage.UserSeconds + usage.SystemSeconds) * 1000.0 + (usage.UserMicroseconds + usage.SystemMicroseconds) / 1000.0;
    }

    // DllImport, not LibraryImport: the generated marshaller would need unsafe code in this project.
    [DllImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static extern int GetRusage(int who, out Rusage usage);

    /// <summary>struct rusage on 64-bit Linux: two timevals, then fourteen longs this code does not read (144 bytes).</summary>
    [StructLayout(LayoutKind.Sequential, Size = 144)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
    }
}

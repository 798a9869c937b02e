using System;
using System.Runtime.InteropServices;

namespace LockOrder.Benchmarks.Measurement
{
    /// <summary>
    /// CPU time consumed by the calling thread. On a machine shared with other work, wall time counts every moment
    /// the thread waited for a core (or sat suspended for a collection another thread triggered); CPU time counts
    /// only the work, so the compiler/analyzer ratio stays meaningful under load.
    /// </summary>
    internal static class ThreadCpuClock
    {
        private const int ClockThreadCpuTimeId = 3;

        internal static bool IsSupported { get; } = Probe();

        /// <summary>Nanoseconds of CPU time of the current thread, or 0 where the clock is unavailable.</summary>
        internal static long Nanoseconds()
        {
            if (!IsSupported || clock_gettime(ClockThreadCpuTimeId, out var time) != 0)
            {
                return 0;
            }

            return (time.Seconds * 1_000_000_000L) + time.Nanoseconds;
        }

        private static bool Probe()
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
            {
                return false;
            }

            try
            {
                return clock_gettime(ClockThreadCpuTimeId, out _) == 0;
            }
            catch (DllNotFoundException)
            {
                return false;
            }
            catch (EntryPointNotFoundException)
            {
                return false;
            }
        }

        [DllImport("libc", SetLastError = false)]
        private static extern int clock_gettime(int clockId, out TimeSpec time);

        [StructLayout(LayoutKind.Sequential)]
        private struct TimeSpec
        {
            internal long Seconds;
            internal long Nanoseconds;
        }
    }
}

using System;
using System.Threading;
using LockOrder.Benchmarks.Measurement;

namespace LockOrder.Benchmarks.AnalyzerCost.CpuTiming
{
    /// <summary>
    /// Adds up the thread CPU time spent inside one analyzer's callbacks, and the time those callbacks sat suspended
    /// while the garbage collector ran (a collection any thread triggered stops them all; the driver's telemetry
    /// counts that time, the CPU clock does not), and what they allocated.
    /// </summary>
    internal sealed class CpuMeter
    {
        private long _nanoseconds;
        private long _callbacks;
        private long _gcPauseTicks;
        private long _allocatedBytes;

        internal double Milliseconds => Interlocked.Read(ref _nanoseconds) / 1e6;

        internal long Callbacks => Interlocked.Read(ref _callbacks);

        internal long AllocatedBytes => Interlocked.Read(ref _allocatedBytes);

        internal double GcPauseMilliseconds => TimeSpan.FromTicks(Interlocked.Read(ref _gcPauseTicks)).TotalMilliseconds;

        internal Action<T> Wrap<T>(Action<T> action) => argument =>
        {
            long start = ThreadCpuClock.Nanoseconds();
            var pausedBefore = GC.GetTotalPauseDuration();
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                action(argument);
            }
            finally
            {
                Interlocked.Add(ref _nanoseconds, ThreadCpuClock.Nanoseconds() - start);
                Interlocked.Increment(ref _callbacks);
                Interlocked.Add(ref _gcPauseTicks, (GC.GetTotalPauseDuration() - pausedBefore).Ticks);
                Interlocked.Add(ref _allocatedBytes, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
            }
        };
    }
}

using System;
using System.Threading;
using LockOrder.Benchmarks.Measurement;

namespace LockOrder.Benchmarks.AnalyzerCost.CpuTiming
{
    /// <summary>Adds up the thread CPU time spent inside one analyzer's callbacks.</summary>
    internal sealed class CpuMeter
    {
        private long _nanoseconds;
        private long _callbacks;

        internal double Milliseconds => Interlocked.Read(ref _nanoseconds) / 1e6;

        internal long Callbacks => Interlocked.Read(ref _callbacks);

        internal Action<T> Wrap<T>(Action<T> action) => argument =>
        {
            long start = ThreadCpuClock.Nanoseconds();
            try
            {
                action(argument);
            }
            finally
            {
                Interlocked.Add(ref _nanoseconds, ThreadCpuClock.Nanoseconds() - start);
                Interlocked.Increment(ref _callbacks);
            }
        };
    }
}

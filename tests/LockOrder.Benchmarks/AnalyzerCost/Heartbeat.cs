using System;
using System.Diagnostics;
using System.Threading;

namespace LockOrder.Benchmarks.AnalyzerCost
{
    /// <summary>
    /// Says on stderr, every so often, that a long step is still running: one compilation of a large corpus, or one
    /// analysis run of it, can take minutes, and a silent process looks hung. The timer's thread wakes only at those
    /// moments, so it takes nothing measurable from the step it reports on.
    /// </summary>
    internal sealed class Heartbeat : IDisposable
    {
        private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

        private readonly string _step;
        private readonly Stopwatch _elapsed = Stopwatch.StartNew();
        private readonly Timer _timer;

        private Heartbeat(string step)
        {
            _step = step;
            _timer = new Timer(_ => Console.Error.WriteLine($"    ... {_step}: {_elapsed.Elapsed.TotalSeconds:F0} s so far"), null, Interval, Interval);
        }

        /// <summary>A heartbeat for the step, or null (nothing to dispose) when the workload is small enough not to need one.</summary>
        internal static Heartbeat? Start(bool enabled, string step) => enabled ? new Heartbeat(step) : null;

        public void Dispose() => _timer.Dispose();
    }
}

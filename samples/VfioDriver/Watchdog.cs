using System.Collections.Generic;
using System.Threading;

namespace VfioDriver
{
    /// <summary>Watches every worker and reports any operation that has not finished within the limit as a deadlock.</summary>
    internal sealed class Watchdog
    {
        private readonly IReadOnlyList<WatchdogSlot> _slots;
        private readonly RunStatistics _statistics;
        private readonly double _limitSeconds;
        private readonly ManualResetEventSlim _stop = new ManualResetEventSlim();
        private readonly Thread _thread;

        internal Watchdog(IReadOnlyList<WatchdogSlot> slots, RunStatistics statistics, double limitSeconds)
        {
            _slots = slots;
            _statistics = statistics;
            _limitSeconds = limitSeconds;
            _thread = new Thread(Watch) { IsBackground = true, Name = "watchdog" };
        }

        internal void Start() => _thread.Start();

        internal void Stop()
        {
            _stop.Set();
            _thread.Join();
        }

        /// <summary>Checks once, now; also used after the run for workers that never came back.</summary>
        internal void CheckNow()
        {
            foreach (var slot in _slots)
            {
                if (slot.TryReportStuck(_limitSeconds, out var kind, out double seconds))
                {
                    _statistics.Deadlock($"{slot.Worker} has been in {kind} for {seconds:F1} s (limit {_limitSeconds:F1} s)");
                }
            }
        }

        private void Watch()
        {
            // Polling is the watchdog's whole job: it never orders threads, it only looks at how long they take.
            while (!_stop.Wait(250))
            {
                CheckNow();
            }
        }
    }
}

using System.Diagnostics;
using System.Threading;

namespace VfioDriver
{
    /// <summary>What one worker is doing right now and since when, for the watchdog.</summary>
    internal sealed class WatchdogSlot
    {
        private long _startedAt;
        private int _kind;
        private int _reported;

        internal WatchdogSlot(string worker) => Worker = worker;

        internal string Worker { get; }

        internal bool Finished { get; private set; }

        internal void Begin(OperationKind kind)
        {
            Volatile.Write(ref _kind, (int)kind);
            Volatile.Write(ref _startedAt, Stopwatch.GetTimestamp());
        }

        internal void End() => Volatile.Write(ref _startedAt, 0);

        internal void Finish()
        {
            End();
            Finished = true;
        }

        /// <summary>The operation in progress if it has run longer than <paramref name="limitSeconds"/> and was not reported yet.</summary>
        internal bool TryReportStuck(double limitSeconds, out OperationKind kind, out double seconds)
        {
            kind = (OperationKind)Volatile.Read(ref _kind);
            long started = Volatile.Read(ref _startedAt);
            seconds = started == 0 ? 0 : (Stopwatch.GetTimestamp() - started) / (double)Stopwatch.Frequency;
            return seconds > limitSeconds && Interlocked.Exchange(ref _reported, 1) == 0;
        }

        internal bool IsReported => Volatile.Read(ref _reported) != 0;
    }
}

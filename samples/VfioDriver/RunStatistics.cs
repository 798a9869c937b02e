using System;
using System.Collections.Concurrent;
using System.Threading;

namespace VfioDriver
{
    /// <summary>Counts operations per kind, busy hot resets, deadlocks and invariant violations, from every thread.</summary>
    internal sealed class RunStatistics
    {
        private const int MaxReported = 10;

        private readonly long[] _operations = new long[Enum.GetValues<OperationKind>().Length];
        private readonly ConcurrentQueue<string> _reports = new ConcurrentQueue<string>();
        private long _busy;
        private long _deadlocks;
        private long _violations;

        internal long Operations
        {
            get
            {
                long total = 0;
                foreach (var kind in Enum.GetValues<OperationKind>())
                {
                    total += OperationsOf(kind);
                }

                return total;
            }
        }

        internal long Busy => Interlocked.Read(ref _busy);

        internal long Deadlocks => Interlocked.Read(ref _deadlocks);

        internal long InvariantViolations => Interlocked.Read(ref _violations);

        internal long OperationsOf(OperationKind kind) => Interlocked.Read(ref _operations[(int)kind]);

        internal void Completed(OperationKind kind) => Interlocked.Increment(ref _operations[(int)kind]);

        internal void HotResetBusy() => Interlocked.Increment(ref _busy);

        internal void Deadlock(string report)
        {
            Interlocked.Increment(ref _deadlocks);
            Report("DEADLOCK: " + report);
        }

        internal void Violation(string report)
        {
            if (Interlocked.Increment(ref _violations) <= MaxReported)
            {
                Report("INVARIANT VIOLATION: " + report);
            }
        }

        private void Report(string line)
        {
            _reports.Enqueue(line);
            Console.Error.WriteLine(line);
        }
    }
}

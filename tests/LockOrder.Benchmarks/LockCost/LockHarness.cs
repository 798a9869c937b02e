using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using LockOrder.Benchmarks.Measurement;

namespace LockOrder.Benchmarks.LockCost
{
    /// <summary>
    /// A Stopwatch harness for nanosecond-scale operations: each case is warmed up until the JIT has promoted it
    /// to optimised code, calibrated so one round lasts tens of milliseconds (timer resolution is noise-free at that
    /// scale), then measured in rounds interleaved across cases so that a burst of other load on the shared machine
    /// hits every case alike; the median round is reported.
    /// </summary>
    internal sealed class LockHarness
    {
        private readonly int _rounds;
        private readonly TimeSpan _warmUp;
        private readonly TimeSpan _roundTime;

        // Written after every round so no loop result is ever dead.
        private long _sink;

        internal LockHarness(int rounds, TimeSpan warmUp, TimeSpan roundTime)
        {
            _rounds = rounds;
            _warmUp = warmUp;
            _roundTime = roundTime;
        }

        internal long Sink => _sink;

        internal IReadOnlyList<CaseResult> Measure(IReadOnlyList<LockCase> cases)
        {
            var iterations = new long[cases.Count];
            for (int c = 0; c < cases.Count; c++)
            {
                WarmUp(cases[c]);
                iterations[c] = Calibrate(cases[c]);
            }

            var samples = cases.Select(_ => new List<double>()).ToArray();
            for (int round = 0; round < _rounds; round++)
            {
                for (int c = 0; c < cases.Count; c++)
                {
                    long start = Stopwatch.GetTimestamp();
                    _sink += cases[c].Loop(iterations[c]);
                    long elapsed = Stopwatch.GetTimestamp() - start;
                    samples[c].Add(elapsed * 1e9 / Stopwatch.Frequency / iterations[c]);
                }
            }

            return cases
                .Select((lockCase, c) => new CaseResult(lockCase.Name, iterations[c], Statistics.Median(samples[c]), Statistics.Min(samples[c])))
                .ToList();
        }

        /// <summary>Many short calls: enough for call counting to send the loop (and the lock methods) to the optimising tier.</summary>
        private void WarmUp(LockCase lockCase)
        {
            var stopwatch = Stopwatch.StartNew();
            while (stopwatch.Elapsed < _warmUp)
            {
                _sink += lockCase.Loop(1_000);
            }
        }

        private long Calibrate(LockCase lockCase)
        {
            long iterations = 1_000;
            while (true)
            {
                var stopwatch = Stopwatch.StartNew();
                _sink += lockCase.Loop(iterations);
                if (stopwatch.Elapsed >= _roundTime || iterations >= (1L << 40))
                {
                    return iterations;
                }

                iterations *= 2;
            }
        }
    }
}

using System;

namespace LockOrder.Benchmarks.AnalyzerCost
{
    /// <summary>How the warm-up went, and what the process's first (cold) compilation cost.</summary>
    internal sealed class WarmUpResult
    {
        internal WarmUpResult(int rounds, TimeSpan elapsed, bool settled, double lastJitShare, int coldLines, double coldCompilerMs, double coldAnalyzerMs, double coldAnalyzerCpuMs)
        {
            Rounds = rounds;
            Elapsed = elapsed;
            Settled = settled;
            LastJitShare = lastJitShare;
            ColdLines = coldLines;
            ColdCompilerMs = coldCompilerMs;
            ColdAnalyzerMs = coldAnalyzerMs;
            ColdAnalyzerCpuMs = coldAnalyzerCpuMs;
        }

        internal int Rounds { get; }

        internal TimeSpan Elapsed { get; }

        /// <summary>Whether the JIT had settled when the warm-up stopped (false: the round or time budget ran out first).</summary>
        internal bool Settled { get; }

        /// <summary>The share of the last warm-up round's time spent compiling methods.</summary>
        internal double LastJitShare { get; }

        internal int ColdLines { get; }

        internal double ColdCompilerMs { get; }

        /// <summary>The analyzers' execution time as the driver's telemetry logs it (wall clock inside their callbacks).</summary>
        internal double ColdAnalyzerMs { get; }

        internal double ColdAnalyzerCpuMs { get; }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using LockOrder.Benchmarks.Measurement;

namespace LockOrder.Benchmarks.AnalyzerCost
{
    /// <summary>Medians of one analyzer's analysis runs on one workload (LockOrder's, or the control's), each part over the runs separately.</summary>
    internal sealed class AnalysisMedians
    {
        private AnalysisMedians(IReadOnlyList<AnalyzerRun> runs)
        {
            TelemetryMs = Median(runs, r => r.ExecutionMs);
            CpuMs = Median(runs, r => r.CpuMs);
            GcPauseMs = Median(runs, r => r.GcPauseMs);
            OtherMs = Median(runs, r => r.OtherMs);
            AllocatedMegabytes = Median(runs, r => r.AllocatedBytes / 1e6);
            RunWallMs = Median(runs, r => r.WallMs);
            RunGcPauseMs = Median(runs, r => r.RunGcPauseMs);
            RunAllocatedMegabytes = Median(runs, r => r.RunAllocatedBytes / 1e6);
        }

        /// <summary>The analyzers' execution time as the analyzer driver measures it.</summary>
        internal double TelemetryMs { get; }

        /// <summary>Thread CPU time inside the analyzers' callbacks.</summary>
        internal double CpuMs { get; }

        /// <summary>Time the callbacks sat suspended for garbage collections (in the telemetry, not in the CPU time).</summary>
        internal double GcPauseMs { get; }

        /// <summary>The telemetry that is neither CPU time nor suspension (each run's own remainder, so the parts' medians need not add up).</summary>
        internal double OtherMs { get; }

        /// <summary>What the callbacks allocated, in MB.</summary>
        internal double AllocatedMegabytes { get; }

        /// <summary>Wall time of <c>GetAnalyzerDiagnosticsAsync</c> on a fresh compilation (includes the binding it forces).</summary>
        internal double RunWallMs { get; }

        /// <summary>Time the process sat suspended for garbage collections during the run, inside the callbacks or not.</summary>
        internal double RunGcPauseMs { get; }

        /// <summary>What the whole <c>CompilationWithAnalyzers</c> run allocated, in MB.</summary>
        internal double RunAllocatedMegabytes { get; }

        /// <summary>The share of the run's wall time the process sat suspended for collections.</summary>
        internal double RunGcPauseShare => RunWallMs > 0 ? RunGcPauseMs / RunWallMs : 0;

        internal static AnalysisMedians Of(IReadOnlyList<AnalyzerRun> runs) => new AnalysisMedians(runs);

        private static double Median(IReadOnlyList<AnalyzerRun> runs, Func<AnalyzerRun, double> part) =>
            Statistics.Median(runs.Select(part).ToList());
    }
}

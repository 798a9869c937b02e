using System.Collections.Generic;

namespace LockOrder.Benchmarks.AnalyzerCost
{
    /// <summary>One run of the analyzers over a fresh compilation.</summary>
    internal readonly struct AnalyzerRun
    {
        internal AnalyzerRun(
            double executionMs,
            double cpuMs,
            double wallMs,
            double gcPauseMs,
            double runGcPauseMs,
            long allocatedBytes,
            long runAllocatedBytes,
            IReadOnlyDictionary<string, double> msByType,
            IReadOnlyList<DiagnosticRecord> diagnostics,
            IReadOnlyList<AnalyzerFailure> failures)
        {
            ExecutionMs = executionMs;
            CpuMs = cpuMs;
            WallMs = wallMs;
            GcPauseMs = gcPauseMs;
            RunGcPauseMs = runGcPauseMs;
            AllocatedBytes = allocatedBytes;
            RunAllocatedBytes = runAllocatedBytes;
            MsByType = msByType;
            Diagnostics = diagnostics;
            Failures = failures;
        }

        internal double ExecutionMs { get; }

        /// <summary>Thread CPU time inside the analyzers' callbacks.</summary>
        internal double CpuMs { get; }

        internal double WallMs { get; }

        /// <summary>Time the analyzers' callbacks sat suspended for garbage collections.</summary>
        internal double GcPauseMs { get; }

        /// <summary>The telemetry that is neither CPU time nor suspension: waiting for a core, the driver's bookkeeping around the callbacks.</summary>
        internal double OtherMs => ExecutionMs - CpuMs - GcPauseMs;

        /// <summary>Time the whole process sat suspended for garbage collections during the run, inside the callbacks or not.</summary>
        internal double RunGcPauseMs { get; }

        /// <summary>What the analyzers' callbacks allocated.</summary>
        internal long AllocatedBytes { get; }

        /// <summary>What the whole run (compiler, driver and analyzers) allocated.</summary>
        internal long RunAllocatedBytes { get; }

        internal IReadOnlyDictionary<string, double> MsByType { get; }

        /// <summary>Every diagnostic the analyzers reported, by file and position (AD0001 aside: those are <see cref="Failures"/>).</summary>
        internal IReadOnlyList<DiagnosticRecord> Diagnostics { get; }

        /// <summary>Every exception an analyzer threw in the run.</summary>
        internal IReadOnlyList<AnalyzerFailure> Failures { get; }
    }
}

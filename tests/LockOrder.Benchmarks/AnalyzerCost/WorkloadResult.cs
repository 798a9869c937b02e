using System.Collections.Generic;
using LockOrder.Benchmarks.Generation;

namespace LockOrder.Benchmarks.AnalyzerCost
{
    /// <summary>Medians for one workload, and what the analyzer reported on code that is clean by construction.</summary>
    internal sealed class WorkloadResult
    {
        internal WorkloadResult(
            GeneratedCode code,
            int runs,
            double parseMs,
            double compilerMs,
            double analyzerMs,
            double analyzerWallMs,
            double runGcPauseMs,
            ControlResult control,
            double compilerCpuMs,
            double analyzerCpuMs,
            double analyzerGcPauseMs,
            double analyzerOtherMs,
            double analyzerAllocatedMegabytes,
            double runAllocatedMegabytes,
            double graphCpuMs,
            int graphBodies,
            IReadOnlyDictionary<string, int> diagnosticsById,
            IReadOnlyList<string> analyzerExceptions,
            IReadOnlyDictionary<string, double> analyzerMsByType,
            IReadOnlyList<string> sampleDiagnostics)
        {
            Code = code;
            Runs = runs;
            ParseMs = parseMs;
            CompilerMs = compilerMs;
            AnalyzerMs = analyzerMs;
            AnalyzerWallMs = analyzerWallMs;
            RunGcPauseMs = runGcPauseMs;
            Control = control;
            CompilerCpuMs = compilerCpuMs;
            AnalyzerCpuMs = analyzerCpuMs;
            AnalyzerGcPauseMs = analyzerGcPauseMs;
            AnalyzerOtherMs = analyzerOtherMs;
            AnalyzerAllocatedMegabytes = analyzerAllocatedMegabytes;
            RunAllocatedMegabytes = runAllocatedMegabytes;
            GraphCpuMs = graphCpuMs;
            GraphBodies = graphBodies;
            DiagnosticsById = diagnosticsById;
            AnalyzerExceptions = analyzerExceptions;
            AnalyzerMsByType = analyzerMsByType;
            SampleDiagnostics = sampleDiagnostics;
        }

        internal GeneratedCode Code { get; }

        internal int Runs { get; }

        /// <summary>Median time to parse every file (part of <see cref="CompilerMs"/>).</summary>
        internal double ParseMs { get; }

        /// <summary>Median of parse + <c>Compilation.GetDiagnostics()</c>, single-threaded, no emit.</summary>
        internal double CompilerMs { get; }

        /// <summary>Median of the LockOrder analyzers' own execution time, as the analyzer driver measures it.</summary>
        internal double AnalyzerMs { get; }

        /// <summary>Median wall time of <c>GetAnalyzerDiagnosticsAsync</c> on a fresh compilation (includes the binding it forces).</summary>
        internal double AnalyzerWallMs { get; }

        /// <summary>Median time the process sat suspended for garbage collections during that run, inside the analyzers' callbacks or not.</summary>
        internal double RunGcPauseMs { get; }

        /// <summary>The same runs' medians for the control analyzer (<see cref="FixedCostAnalyzer"/>).</summary>
        internal ControlResult Control { get; }

        /// <summary>Median thread CPU time of parse + <c>GetDiagnostics()</c>.</summary>
        internal double CompilerCpuMs { get; }

        /// <summary>Median thread CPU time inside the analyzers' callbacks.</summary>
        internal double AnalyzerCpuMs { get; }

        /// <summary>Median time the analyzers' callbacks sat suspended for garbage collections (in the telemetry, not in the CPU time).</summary>
        internal double AnalyzerGcPauseMs { get; }

        /// <summary>Median of the telemetry that is neither CPU time nor suspension (each run's own remainder, so the parts' medians need not add up).</summary>
        internal double AnalyzerOtherMs { get; }

        /// <summary>Median of what the analyzers' callbacks allocated, in MB.</summary>
        internal double AnalyzerAllocatedMegabytes { get; }

        /// <summary>Median of what the whole <c>CompilationWithAnalyzers</c> run allocated, in MB.</summary>
        internal double RunAllocatedMegabytes { get; }

        /// <summary>Median thread CPU time Roslyn needs to build the control-flow graphs of the bodies the analyzer analyzes (<see cref="GraphFloor"/>).</summary>
        internal double GraphCpuMs { get; }

        /// <summary>How many bodies call a member with a lock contract, so get a control-flow graph.</summary>
        internal int GraphBodies { get; }

        internal IReadOnlyDictionary<string, int> DiagnosticsById { get; }

        internal IReadOnlyList<string> AnalyzerExceptions { get; }

        internal IReadOnlyDictionary<string, double> AnalyzerMsByType { get; }

        internal IReadOnlyList<string> SampleDiagnostics { get; }

        internal double Ratio => AnalyzerMs / CompilerMs;

        internal double AnalyzerMicrosecondsPerLine => AnalyzerMs * 1000 / Code.Lines;

        internal double CpuRatio => CompilerCpuMs > 0 ? AnalyzerCpuMs / CompilerCpuMs : 0;

        /// <summary>What building Roslyn's control-flow graphs for every locking body would cost, as a ratio to the compiler: the floor of an analysis that builds them all.</summary>
        internal double GraphCpuRatio => CompilerCpuMs > 0 ? GraphCpuMs / CompilerCpuMs : 0;

        internal double AnalyzerCpuMicrosecondsPerLine => AnalyzerCpuMs * 1000 / Code.Lines;

        /// <summary>The share of the analysis run's wall time the process sat suspended for collections.</summary>
        internal double RunGcPauseShare => AnalyzerWallMs > 0 ? RunGcPauseMs / AnalyzerWallMs : 0;
    }
}

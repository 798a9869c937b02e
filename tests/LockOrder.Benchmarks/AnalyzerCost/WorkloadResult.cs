using System;
using System.Collections.Generic;
using System.Linq;

namespace LockOrder.Benchmarks.AnalyzerCost
{
    /// <summary>Medians for one workload, and what the analyzer reported on it (on generated code, which is clean by construction, any diagnostic is a false positive).</summary>
    internal sealed class WorkloadResult
    {
        internal WorkloadResult(
            WorkloadSource source,
            CompilerCheck check,
            int runs,
            double parseMs,
            double compilerMs,
            double compilerCpuMs,
            AnalysisMedians analyzer,
            AnalysisMedians control,
            double graphCpuMs,
            int graphBodies,
            int graphFailures,
            IReadOnlyList<DiagnosticRecord> diagnostics,
            IReadOnlyList<AnalyzerFailure> failures,
            IReadOnlyDictionary<string, double> analyzerMsByType)
        {
            Source = source;
            Check = check;
            Runs = runs;
            ParseMs = parseMs;
            CompilerMs = compilerMs;
            CompilerCpuMs = compilerCpuMs;
            Analyzer = analyzer;
            Control = control;
            GraphCpuMs = graphCpuMs;
            GraphBodies = graphBodies;
            GraphFailures = graphFailures;
            Diagnostics = diagnostics;
            Failures = failures;
            AnalyzerMsByType = analyzerMsByType;
            DiagnosticsById = diagnostics
                .GroupBy(d => d.Id)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count());
        }

        internal WorkloadSource Source { get; }

        /// <summary>The compiler's errors and warnings on the workload, from its first compilation.</summary>
        internal CompilerCheck Check { get; }

        internal int Runs { get; }

        /// <summary>Median time to parse every file (part of <see cref="CompilerMs"/>).</summary>
        internal double ParseMs { get; }

        /// <summary>Median of parse + <c>Compilation.GetDiagnostics()</c>, single-threaded, no emit.</summary>
        internal double CompilerMs { get; }

        /// <summary>Median thread CPU time of parse + <c>GetDiagnostics()</c>.</summary>
        internal double CompilerCpuMs { get; }

        /// <summary>The LockOrder analyzers' runs.</summary>
        internal AnalysisMedians Analyzer { get; }

        /// <summary>The same rounds' runs of the control analyzer (<see cref="FixedCostAnalyzer"/>).</summary>
        internal AnalysisMedians Control { get; }

        /// <summary>Median thread CPU time Roslyn needs to build the control-flow graphs of the bodies the analyzer analyzes (<see cref="GraphFloor"/>).</summary>
        internal double GraphCpuMs { get; }

        /// <summary>How many bodies take a lock (call a member with a lock contract, or take a BCL lock), so get a control-flow graph.</summary>
        internal int GraphBodies { get; }

        /// <summary>Bodies whose graph Roslyn could not build (only ever on a corpus's broken code).</summary>
        internal int GraphFailures { get; }

        /// <summary>Every diagnostic of the last run, by file and position.</summary>
        internal IReadOnlyList<DiagnosticRecord> Diagnostics { get; }

        internal IReadOnlyDictionary<string, int> DiagnosticsById { get; }

        /// <summary>Every distinct analyzer exception of every measured run.</summary>
        internal IReadOnlyList<AnalyzerFailure> Failures { get; }

        internal IReadOnlyDictionary<string, double> AnalyzerMsByType { get; }

        internal double Ratio => Analyzer.TelemetryMs / CompilerMs;

        internal double AnalyzerMicrosecondsPerLine => Analyzer.TelemetryMs * 1000 / Source.Lines;

        internal double CpuRatio => CompilerCpuMs > 0 ? Analyzer.CpuMs / CompilerCpuMs : 0;

        /// <summary>What building Roslyn's control-flow graphs for every locking body would cost, as a ratio to the compiler: the floor of an analysis that builds them all.</summary>
        internal double GraphCpuRatio => CompilerCpuMs > 0 ? GraphCpuMs / CompilerCpuMs : 0;

        internal double AnalyzerCpuMicrosecondsPerLine => Analyzer.CpuMs * 1000 / Source.Lines;
    }
}

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
            double compilerCpuMs,
            AnalysisMedians analyzer,
            AnalysisMedians control,
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
            CompilerCpuMs = compilerCpuMs;
            Analyzer = analyzer;
            Control = control;
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

        /// <summary>Median thread CPU time of parse + <c>GetDiagnostics()</c>.</summary>
        internal double CompilerCpuMs { get; }

        /// <summary>The LockOrder analyzers' runs.</summary>
        internal AnalysisMedians Analyzer { get; }

        /// <summary>The same rounds' runs of the control analyzer (<see cref="FixedCostAnalyzer"/>).</summary>
        internal AnalysisMedians Control { get; }

        /// <summary>Median thread CPU time Roslyn needs to build the control-flow graphs of the bodies the analyzer analyzes (<see cref="GraphFloor"/>).</summary>
        internal double GraphCpuMs { get; }

        /// <summary>How many bodies call a member with a lock contract, so get a control-flow graph.</summary>
        internal int GraphBodies { get; }

        internal IReadOnlyDictionary<string, int> DiagnosticsById { get; }

        internal IReadOnlyList<string> AnalyzerExceptions { get; }

        internal IReadOnlyDictionary<string, double> AnalyzerMsByType { get; }

        internal IReadOnlyList<string> SampleDiagnostics { get; }

        internal double Ratio => Analyzer.TelemetryMs / CompilerMs;

        internal double AnalyzerMicrosecondsPerLine => Analyzer.TelemetryMs * 1000 / Code.Lines;

        internal double CpuRatio => CompilerCpuMs > 0 ? Analyzer.CpuMs / CompilerCpuMs : 0;

        /// <summary>What building Roslyn's control-flow graphs for every locking body would cost, as a ratio to the compiler: the floor of an analysis that builds them all.</summary>
        internal double GraphCpuRatio => CompilerCpuMs > 0 ? GraphCpuMs / CompilerCpuMs : 0;

        internal double AnalyzerCpuMicrosecondsPerLine => Analyzer.CpuMs * 1000 / Code.Lines;
    }
}

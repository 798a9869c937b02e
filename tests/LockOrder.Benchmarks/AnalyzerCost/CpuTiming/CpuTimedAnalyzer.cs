using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockOrder.Benchmarks.AnalyzerCost.CpuTiming
{
    /// <summary>
    /// Runs another analyzer unchanged, with every callback it registers (at any nesting) timed in thread CPU time.
    /// The analyzer driver still times the wrapper's callbacks in wall time, so both measures cover the same work.
    /// </summary>
    // Not an analyzer a host discovers: the benchmark constructs it around a discovered one.
#pragma warning disable RS1001
    internal sealed class CpuTimedAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
        internal CpuTimedAnalyzer(DiagnosticAnalyzer inner)
        {
            Inner = inner;
        }

        internal DiagnosticAnalyzer Inner { get; }

        internal CpuMeter Meter { get; } = new CpuMeter();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Inner.SupportedDiagnostics;

        // The inner analyzer configures concurrency and generated-code analysis itself, through the wrapped context.
#pragma warning disable RS1025, RS1026
        public override void Initialize(AnalysisContext context) => Inner.Initialize(new TimedAnalysisContext(context, Meter));
#pragma warning restore RS1025, RS1026
    }
}

using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockOrder.Benchmarks.AnalyzerCost.CpuTiming
{
    /// <summary>The operation-block-start context of a <see cref="CpuTimedAnalyzer"/>: nested registrations are timed too.</summary>
    internal sealed class TimedOperationBlockStartContext : OperationBlockStartAnalysisContext
    {
        private readonly OperationBlockStartAnalysisContext _inner;
        private readonly CpuMeter _meter;

        // The base constructor is obsolete for hosts; this wrapper only forwards registrations to the host's context.
#pragma warning disable CS0618, RS1012
        internal TimedOperationBlockStartContext(OperationBlockStartAnalysisContext inner, CpuMeter meter)
            : base(inner.OperationBlocks, inner.OwningSymbol, inner.Compilation, inner.Options, inner.CancellationToken)
        {
            _inner = inner;
            _meter = meter;
        }
#pragma warning restore CS0618, RS1012

        public override void RegisterOperationBlockEndAction(Action<OperationBlockAnalysisContext> action) => _inner.RegisterOperationBlockEndAction(_meter.Wrap(action));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            _inner.RegisterOperationAction(_meter.Wrap(action), operationKinds);
    }
}

using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockOrder.Benchmarks.AnalyzerCost.CpuTiming
{
    /// <summary>The symbol-start context of a <see cref="CpuTimedAnalyzer"/>: nested registrations are timed too.</summary>
    internal sealed class TimedSymbolStartContext : SymbolStartAnalysisContext
    {
        private readonly SymbolStartAnalysisContext _inner;
        private readonly CpuMeter _meter;

        // The base constructor is obsolete for hosts; this wrapper only forwards registrations to the host's context.
#pragma warning disable CS0618, RS1012
        internal TimedSymbolStartContext(SymbolStartAnalysisContext inner, CpuMeter meter)
            : base(inner.Symbol, inner.Compilation, inner.Options, inner.CancellationToken)
        {
            _inner = inner;
            _meter = meter;
        }
#pragma warning restore CS0618, RS1012

        public override void RegisterSymbolEndAction(Action<SymbolAnalysisContext> action) => _inner.RegisterSymbolEndAction(_meter.Wrap(action));

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            _inner.RegisterCodeBlockStartAction<TLanguageKindEnum>(_meter.Wrap<CodeBlockStartAnalysisContext<TLanguageKindEnum>>(start => action(new TimedCodeBlockStartContext<TLanguageKindEnum>(start, _meter))));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _inner.RegisterCodeBlockAction(_meter.Wrap(action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            _inner.RegisterSyntaxNodeAction(_meter.Wrap(action), syntaxKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
            _inner.RegisterOperationBlockStartAction(_meter.Wrap<OperationBlockStartAnalysisContext>(start => action(new TimedOperationBlockStartContext(start, _meter))));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _inner.RegisterOperationBlockAction(_meter.Wrap(action));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            _inner.RegisterOperationAction(_meter.Wrap(action), operationKinds);
    }
}

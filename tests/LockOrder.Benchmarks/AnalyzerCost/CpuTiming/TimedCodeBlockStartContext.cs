using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockOrder.Benchmarks.AnalyzerCost.CpuTiming
{
    /// <summary>The code-block-start context of a <see cref="CpuTimedAnalyzer"/>: nested registrations are timed too.</summary>
    internal sealed class TimedCodeBlockStartContext<TLanguageKindEnum> : CodeBlockStartAnalysisContext<TLanguageKindEnum>
        where TLanguageKindEnum : struct
    {
        private readonly CodeBlockStartAnalysisContext<TLanguageKindEnum> _inner;
        private readonly CpuMeter _meter;

        // The base constructor is obsolete for hosts; this wrapper only forwards registrations to the host's context.
#pragma warning disable CS0618, RS1012
        internal TimedCodeBlockStartContext(CodeBlockStartAnalysisContext<TLanguageKindEnum> inner, CpuMeter meter)
            : base(inner.CodeBlock, inner.OwningSymbol, inner.SemanticModel, inner.Options, inner.CancellationToken)
        {
            _inner = inner;
            _meter = meter;
        }
#pragma warning restore CS0618, RS1012

        public override void RegisterCodeBlockEndAction(Action<CodeBlockAnalysisContext> action) => _inner.RegisterCodeBlockEndAction(_meter.Wrap(action));

        public override void RegisterSyntaxNodeAction(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            _inner.RegisterSyntaxNodeAction(_meter.Wrap(action), syntaxKinds);
    }
}

using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

// RS1012: the wrapped start context is the driver's; registrations are forwarded to it, not made on it.
#pragma warning disable RS1012

namespace LockOrder.Analyzers.Tests.Robustness.Cancellation
{
    /// <summary>The code-block-start context, forwarding registrations with tracked actions.</summary>
    internal sealed class TrackingCodeBlockStartContext<TLanguageKindEnum> : CodeBlockStartAnalysisContext<TLanguageKindEnum>
        where TLanguageKindEnum : struct
    {
        private readonly CodeBlockStartAnalysisContext<TLanguageKindEnum> inner;
        private readonly ActionTracker tracker;

        // The only public constructor is marked obsolete (contexts are meant to come from the driver); this one
        // only forwards registrations to the driver's own context.
#pragma warning disable CS0618
        internal TrackingCodeBlockStartContext(CodeBlockStartAnalysisContext<TLanguageKindEnum> inner, ActionTracker tracker)
            : base(inner.CodeBlock, inner.OwningSymbol, inner.SemanticModel, inner.Options, inner.CancellationToken)
#pragma warning restore CS0618
        {
            this.inner = inner;
            this.tracker = tracker;
        }

        public override void RegisterCodeBlockEndAction(Action<CodeBlockAnalysisContext> action) =>
            inner.RegisterCodeBlockEndAction(context => tracker.Run("CodeBlockEnd", context.OwningSymbol, context.CancellationToken, () => action(context)));

        public override void RegisterSyntaxNodeAction(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            inner.RegisterSyntaxNodeAction(context => tracker.Run("SyntaxNode", context.ContainingSymbol, context.CancellationToken, () => action(context)), syntaxKinds);
    }
}

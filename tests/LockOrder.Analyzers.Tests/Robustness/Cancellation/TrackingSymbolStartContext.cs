using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

// RS1012: the wrapped start context is the driver's; registrations are forwarded to it, not made on it.
#pragma warning disable RS1012

namespace LockOrder.Analyzers.Tests.Robustness.Cancellation
{
    /// <summary>The symbol-start context, forwarding registrations with tracked actions.</summary>
    internal sealed class TrackingSymbolStartContext : SymbolStartAnalysisContext
    {
        private readonly SymbolStartAnalysisContext inner;
        private readonly ActionTracker tracker;

        // The only public constructor is marked obsolete (contexts are meant to come from the driver); this one
        // only forwards registrations to the driver's own context.
#pragma warning disable CS0618
        internal TrackingSymbolStartContext(SymbolStartAnalysisContext inner, ActionTracker tracker)
            : base(inner.Symbol, inner.Compilation, inner.Options, inner.CancellationToken)
#pragma warning restore CS0618
        {
            this.inner = inner;
            this.tracker = tracker;
        }

        public override void RegisterSymbolEndAction(Action<SymbolAnalysisContext> action) =>
            inner.RegisterSymbolEndAction(context => tracker.Run("SymbolEnd", context.Symbol, context.CancellationToken, () => action(context)));

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            inner.RegisterCodeBlockStartAction<TLanguageKindEnum>(context => tracker.Run("CodeBlockStart", context.OwningSymbol, context.CancellationToken, () => action(new TrackingCodeBlockStartContext<TLanguageKindEnum>(context, tracker))));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) =>
            inner.RegisterCodeBlockAction(context => tracker.Run("CodeBlock", context.OwningSymbol, context.CancellationToken, () => action(context)));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            inner.RegisterSyntaxNodeAction(context => tracker.Run("SyntaxNode", context.ContainingSymbol, context.CancellationToken, () => action(context)), syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            inner.RegisterOperationAction(context => tracker.Run("Operation", context.ContainingSymbol, context.CancellationToken, () => action(context)), operationKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
            inner.RegisterOperationBlockStartAction(context => tracker.Run("OperationBlockStart", context.OwningSymbol, context.CancellationToken, () => action(new TrackingOperationBlockStartContext(context, tracker))));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) =>
            inner.RegisterOperationBlockAction(context => tracker.Run("OperationBlock", context.OwningSymbol, context.CancellationToken, () => action(context)));
    }
}

using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

// RS1012: the wrapped start context is the driver's; registrations are forwarded to it, not made on it.
#pragma warning disable RS1012

namespace LockOrder.Analyzers.Tests.Robustness.Cancellation
{
    /// <summary>The operation-block-start context, forwarding registrations with tracked actions.</summary>
    internal sealed class TrackingOperationBlockStartContext : OperationBlockStartAnalysisContext
    {
        private readonly OperationBlockStartAnalysisContext inner;
        private readonly ActionTracker tracker;

        // The only public constructor is marked obsolete (contexts are meant to come from the driver); this one
        // only forwards registrations to the driver's own context.
#pragma warning disable CS0618
        internal TrackingOperationBlockStartContext(OperationBlockStartAnalysisContext inner, ActionTracker tracker)
            : base(inner.OperationBlocks, inner.OwningSymbol, inner.Compilation, inner.Options, inner.CancellationToken)
#pragma warning restore CS0618
        {
            this.inner = inner;
            this.tracker = tracker;
        }

        public override void RegisterOperationBlockEndAction(Action<OperationBlockAnalysisContext> action) =>
            inner.RegisterOperationBlockEndAction(context => tracker.Run("OperationBlockEnd", context.OwningSymbol, context.CancellationToken, () => action(context)));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            inner.RegisterOperationAction(context => tracker.Run("Operation", context.ContainingSymbol, context.CancellationToken, () => action(context)), operationKinds);
    }
}

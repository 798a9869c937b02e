using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockOrder.Analyzers.Tests.Robustness.Cancellation
{
    /// <summary>A LockOrder analyzer whose every action the driver invokes goes through an <see cref="ActionTracker"/>.</summary>
#pragma warning disable RS1001 // Not shipped: a test wrapper, registered with CompilationWithAnalyzers directly.
#pragma warning disable RS1025, RS1026 // The wrapped analyzer configures itself through the forwarding context.
    internal sealed class TrackedAnalyzer : DiagnosticAnalyzer
    {
        private readonly DiagnosticAnalyzer inner;
        private readonly ActionTracker tracker;

        internal TrackedAnalyzer(DiagnosticAnalyzer inner, ActionTracker tracker)
        {
            this.inner = inner;
            this.tracker = tracker;
        }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => inner.SupportedDiagnostics;

        public override void Initialize(AnalysisContext context) => inner.Initialize(new TrackingAnalysisContext(context, tracker));
    }
#pragma warning restore RS1025, RS1026
#pragma warning restore RS1001
}

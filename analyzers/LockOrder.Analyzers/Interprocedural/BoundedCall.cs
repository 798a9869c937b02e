using System.Collections.Generic;
using System.Threading;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>
    /// A call under a lock that was settled by its callee's <see cref="EffectBound"/> instead of its summary, so its
    /// callee's body was not bound: the order edges the call may add for LOCK008, over-approximated, and the means to
    /// compute the exact ones (binding then) should the over-approximation close a cycle.
    /// </summary>
    internal abstract class BoundedCall
    {
        /// <summary>Every edge the call's summary could add: each held lock to each class of the bound. Their sightings are not reported.</summary>
        internal abstract IEnumerable<ObservedEdge> PossibleEdges();

        /// <summary>The edges the call's summary does add, as the flow would have recorded them.</summary>
        internal abstract IReadOnlyList<ObservedEdge> ExactEdges(CancellationToken cancellationToken);
    }
}

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>
    /// What one method body does, flow-insensitively: the blocking acquisitions its calls make through their own
    /// lock contracts, and the members it calls (whose summaries fold into its own).
    /// </summary>
    internal sealed class BodyFacts
    {
        internal static readonly BodyFacts None = new BodyFacts(ImmutableArray<CalleeEffect>.Empty, ImmutableArray<IMethodSymbol>.Empty, incomplete: false);

        internal BodyFacts(ImmutableArray<CalleeEffect> contractAcquisitions, ImmutableArray<IMethodSymbol> callees, bool incomplete)
        {
            ContractAcquisitions = contractAcquisitions;
            Callees = callees;
            Incomplete = incomplete;
        }

        /// <summary>
        /// Blocking acquisitions by called members' <c>[Acquires]</c> and <c>[TryAcquires(Blocking = true)]</c>
        /// contracts (the receiver's class resolved at the call), each with the called member as its path.
        /// </summary>
        internal ImmutableArray<CalleeEffect> ContractAcquisitions { get; }

        /// <summary>Every member the body calls, in order of first appearance, as original definitions.</summary>
        internal ImmutableArray<IMethodSymbol> Callees { get; }

        /// <summary>The body was larger than the walk's bound; the facts cover only its beginning.</summary>
        internal bool Incomplete { get; }
    }
}

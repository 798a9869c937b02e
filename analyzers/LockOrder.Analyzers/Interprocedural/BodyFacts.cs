using System.Collections.Immutable;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>
    /// What one method body does, flow-insensitively: the blocking acquisitions it makes itself (through called
    /// members' lock contracts, BCL lock methods and <c>lock</c> statements), and the members it calls (whose summaries
    /// fold into its own), each with the receivers it calls them on.
    /// </summary>
    internal sealed class BodyFacts
    {
        internal static readonly BodyFacts None = new BodyFacts(ImmutableArray<CalleeEffect>.Empty, ImmutableArray<IMethodSymbol>.Empty, ImmutableArray<(IMethodSymbol, LockInstance)>.Empty, incomplete: false);

        internal BodyFacts(ImmutableArray<CalleeEffect> ownAcquisitions, ImmutableArray<IMethodSymbol> callees, ImmutableArray<(IMethodSymbol Callee, LockInstance Receiver)> callSites, bool incomplete)
        {
            OwnAcquisitions = ownAcquisitions;
            Callees = callees;
            CallSites = callSites;
            Incomplete = incomplete;
        }

        /// <summary>
        /// Blocking acquisitions made by the body's own calls and statements: <c>[Acquires]</c> and
        /// <c>[TryAcquires(Blocking = true)]</c> contracts (the receiver's class resolved at the call), BCL acquisitions
        /// and <c>lock</c> statements — each with the acquiring call as its path and its instance from <c>this</c>.
        /// </summary>
        internal ImmutableArray<CalleeEffect> OwnAcquisitions { get; }

        /// <summary>Every member the body calls, in order of first appearance, as original definitions.</summary>
        internal ImmutableArray<IMethodSymbol> Callees { get; }

        /// <summary>
        /// Every distinct (callee, receiver) pair: a callee's effects on its own <c>this</c> happen to the receiver, a
        /// path from the body's <c>this</c> (or unknown).
        /// </summary>
        internal ImmutableArray<(IMethodSymbol Callee, LockInstance Receiver)> CallSites { get; }

        /// <summary>The body was larger than the walk's bound; the facts cover only its beginning.</summary>
        internal bool Incomplete { get; }
    }
}

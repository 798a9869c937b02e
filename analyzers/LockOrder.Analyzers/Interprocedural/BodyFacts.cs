using System.Collections.Immutable;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>
    /// What one method body does, flow-insensitively: the blocking acquisitions and waits it makes itself (through called
    /// members' lock contracts, BCL lock methods, <c>lock</c> statements, <c>Task.Wait</c> and the like), the members it
    /// calls (whose summaries fold into its own) with the receivers it calls them on — delegates it runs and the
    /// overrides a virtual call may reach among them — and what it does with delegates: those it passes to methods, and
    /// its own delegate parameters it runs or hands on.
    /// </summary>
    internal sealed class BodyFacts
    {
        internal static readonly BodyFacts None = new BodyFacts(ImmutableArray<CalleeEffect>.Empty, ImmutableArray<IMethodSymbol>.Empty, ImmutableArray<CallSite>.Empty, incomplete: false);

        internal BodyFacts(ImmutableArray<CalleeEffect> ownAcquisitions, ImmutableArray<IMethodSymbol> callees, ImmutableArray<CallSite> callSites, bool incomplete)
            : this(ownAcquisitions, callees, callSites, ImmutableArray<DelegateArgument>.Empty, ImmutableArray<(int, ImmutableArray<HeldAtInvocation>)>.Empty, ImmutableArray<ParameterHandOff>.Empty, incomplete)
        {
        }

        internal BodyFacts(
            ImmutableArray<CalleeEffect> ownAcquisitions,
            ImmutableArray<IMethodSymbol> callees,
            ImmutableArray<CallSite> callSites,
            ImmutableArray<DelegateArgument> delegateArguments,
            ImmutableArray<(int Ordinal, ImmutableArray<HeldAtInvocation> Held)> parameterInvocations,
            ImmutableArray<ParameterHandOff> handOffs,
            bool incomplete)
        {
            OwnAcquisitions = ownAcquisitions;
            Callees = callees;
            CallSites = callSites;
            DelegateArguments = delegateArguments;
            ParameterInvocations = parameterInvocations;
            HandOffs = handOffs;
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
        /// path from the body's <c>this</c> (or unknown); with the guard the calls are under and the <c>bool</c>
        /// arguments they pass, where every call of the pair agrees.
        /// </summary>
        internal ImmutableArray<CallSite> CallSites { get; }

        /// <summary>The delegates the body passes to methods, each with its target: they run during the call if the method runs that parameter.</summary>
        internal ImmutableArray<DelegateArgument> DelegateArguments { get; }

        /// <summary>The body's own delegate parameters it runs, with the locks held around each (a caller's callback runs under them).</summary>
        internal ImmutableArray<(int Ordinal, ImmutableArray<HeldAtInvocation> Held)> ParameterInvocations { get; }

        /// <summary>The body's own delegate parameters it hands on to methods.</summary>
        internal ImmutableArray<ParameterHandOff> HandOffs { get; }

        /// <summary>The body was larger than the walk's bound; the facts cover only its beginning.</summary>
        internal bool Incomplete { get; }
    }
}

using System.Collections.Immutable;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>
    /// A body handing its own delegate parameter on to a method (<c>Walk(callback)</c> → <c>WalkSlots(callback)</c>): if
    /// that method runs it, so does this body — under the locks it holds at the call, plus the callee's.
    /// </summary>
    internal readonly struct ParameterHandOff
    {
        internal ParameterHandOff(IMethodSymbol callee, int calleeOrdinal, LockInstance receiver, int ownOrdinal, ImmutableArray<HeldAtInvocation> held)
        {
            Callee = callee;
            CalleeOrdinal = calleeOrdinal;
            Receiver = receiver;
            OwnOrdinal = ownOrdinal;
            Held = held;
        }

        internal IMethodSymbol Callee { get; }

        internal int CalleeOrdinal { get; }

        internal LockInstance Receiver { get; }

        internal int OwnOrdinal { get; }

        /// <summary>The locks the body holds around the call, as the constructs around it show (<see cref="StructuralHeldLocks"/>).</summary>
        internal ImmutableArray<HeldAtInvocation> Held { get; }
    }
}

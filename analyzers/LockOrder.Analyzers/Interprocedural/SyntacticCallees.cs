using System.Collections.Immutable;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>What one body could call, read from its syntax by <see cref="SyntacticCallSites"/>.</summary>
    internal sealed class SyntacticCallees
    {
        internal static readonly SyntacticCallees None = new SyntacticCallees(ImmutableArray<IMethodSymbol>.Empty, ImmutableArray<LockClass>.Empty, receiverLockUnread: false, takesLockDirectly: false);

        internal SyntacticCallees(ImmutableArray<IMethodSymbol> methods, ImmutableArray<LockClass> receiverLockClasses, bool receiverLockUnread, bool takesLockDirectly)
        {
            Methods = methods;
            ReceiverLockClasses = receiverLockClasses;
            ReceiverLockUnread = receiverLockUnread;
            TakesLockDirectly = takesLockDirectly;
        }

        /// <summary>The same, with <paramref name="more"/> callees (the overrides a virtual member may dispatch to).</summary>
        internal SyntacticCallees WithMoreMethods(ImmutableArray<IMethodSymbol> more) =>
            new SyntacticCallees(Methods.AddRange(more), ReceiverLockClasses, ReceiverLockUnread, TakesLockDirectly);

        /// <summary>Every member the body could call, each once.</summary>
        internal ImmutableArray<IMethodSymbol> Methods { get; }

        /// <summary>
        /// The lock classes the body's calls of members that wait for the lock they are called on (<c>Lock()</c>,
        /// <c>Read()</c>, … of a lock type) may take: the static types of those calls' receivers.
        /// </summary>
        internal ImmutableArray<LockClass> ReceiverLockClasses { get; }

        /// <summary>Some such call has a receiver whose static type the syntax does not say: the classes above are not all.</summary>
        internal bool ReceiverLockUnread { get; }

        /// <summary>
        /// The body may take a BCL lock itself — a <c>lock</c> statement, or a call of a BCL lock method — whose class
        /// (where the lock object lives) the syntax does not name: the body may act, and its bound is unknown.
        /// </summary>
        internal bool TakesLockDirectly { get; }
    }
}

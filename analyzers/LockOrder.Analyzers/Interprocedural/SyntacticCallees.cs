using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>What one body could call, read from its syntax by <see cref="SyntacticCallSites"/>.</summary>
    internal sealed class SyntacticCallees
    {
        internal static readonly SyntacticCallees None = new SyntacticCallees(ImmutableArray<IMethodSymbol>.Empty, ImmutableArray<ITypeSymbol>.Empty, receiverLockUnread: false);

        internal SyntacticCallees(ImmutableArray<IMethodSymbol> methods, ImmutableArray<ITypeSymbol> receiverLockClasses, bool receiverLockUnread)
        {
            Methods = methods;
            ReceiverLockClasses = receiverLockClasses;
            ReceiverLockUnread = receiverLockUnread;
        }

        /// <summary>Every member the body could call, each once.</summary>
        internal ImmutableArray<IMethodSymbol> Methods { get; }

        /// <summary>
        /// The lock classes the body's calls of members that wait for the lock they are called on (<c>Lock()</c>,
        /// <c>Read()</c>, … of a lock type) may take: the static types of those calls' receivers.
        /// </summary>
        internal ImmutableArray<ITypeSymbol> ReceiverLockClasses { get; }

        /// <summary>Some such call has a receiver whose static type the syntax does not say: the classes above are not all.</summary>
        internal bool ReceiverLockUnread { get; }
    }
}

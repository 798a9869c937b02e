using System.Collections.Immutable;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>What one body could call, read from its syntax by <see cref="SyntacticCallSites"/>.</summary>
    internal sealed class SyntacticCallees
    {
        internal static readonly SyntacticCallees None = new SyntacticCallees(ImmutableArray<IMethodSymbol>.Empty, ImmutableArray<LockClass>.Empty, receiverLockUnread: false, takesLockDirectly: false, ImmutableHashSet<IMethodSymbol>.Empty, ImmutableHashSet<LockClass>.Empty);

        internal SyntacticCallees(
            ImmutableArray<IMethodSymbol> methods,
            ImmutableArray<LockClass> lockClasses,
            bool receiverLockUnread,
            bool takesLockDirectly,
            ImmutableHashSet<IMethodSymbol> calledOnThisOnly,
            ImmutableHashSet<LockClass> thisRootedLockClasses)
        {
            Methods = methods;
            LockClasses = lockClasses;
            ReceiverLockUnread = receiverLockUnread;
            TakesLockDirectly = takesLockDirectly;
            CalledOnThisOnly = calledOnThisOnly;
            ThisRootedLockClasses = thisRootedLockClasses;
        }

        /// <summary>
        /// The same, with <paramref name="more"/> callees: the overrides a virtual member may dispatch to, which run on the
        /// object the member is called on.
        /// </summary>
        internal SyntacticCallees WithMoreMethods(ImmutableArray<IMethodSymbol> more) =>
            new SyntacticCallees(Methods.AddRange(more), LockClasses, ReceiverLockUnread, TakesLockDirectly, CalledOnThisOnly.Union(more), ThisRootedLockClasses);

        /// <summary>Every member the body could call, each once.</summary>
        internal ImmutableArray<IMethodSymbol> Methods { get; }

        /// <summary>
        /// The lock classes the body may take itself: by calls of members that wait for the lock they are called on
        /// (<c>Lock()</c>, <c>Read()</c>, … of a lock type: the static types of those calls' receivers), and by <c>lock</c>
        /// statements and BCL lock calls whose lock object the syntax names (a field, <c>this</c>, a string).
        /// </summary>
        internal ImmutableArray<LockClass> LockClasses { get; }

        /// <summary>Some such call has a receiver whose static type the syntax does not say: the classes above are not all.</summary>
        internal bool ReceiverLockUnread { get; }

        /// <summary>
        /// The body may take a BCL lock itself — a <c>lock</c> statement, or a call of a BCL lock method — whose class
        /// (where the lock object lives) the syntax does not name: the body may act, and its bound is unknown.
        /// </summary>
        internal bool TakesLockDirectly { get; }

        /// <summary>The members of <see cref="Methods"/> the body calls only on the object it runs on (<c>Name()</c>, <c>this.Name()</c>).</summary>
        internal ImmutableHashSet<IMethodSymbol> CalledOnThisOnly { get; }

        /// <summary>
        /// The members of <see cref="LockClasses"/> the body takes only where the class alone says which object it is, given
        /// the object the body runs on: <c>this</c>, a field of it, a static field of a type that is not generic.
        /// </summary>
        internal ImmutableHashSet<LockClass> ThisRootedLockClasses { get; }
    }
}

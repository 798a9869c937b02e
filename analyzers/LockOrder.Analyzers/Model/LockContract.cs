using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Model
{
    /// <summary>One lock contract attribute on a method, with its arguments decoded.</summary>
    internal sealed class LockContract
    {
        internal LockContract(LockContractKind kind, LockClass? lockClass, ISymbol? namedMember, LockMode mode, bool blocking, AttributeData attribute)
        {
            Kind = kind;
            LockClass = lockClass;
            NamedMember = namedMember;
            Mode = mode;
            Blocking = blocking;
            Attribute = attribute;
        }

        internal LockContractKind Kind { get; }

        /// <summary>
        /// The lock class named by <c>typeof</c> or by a member's name (<c>nameof(_sync)</c>), or <see langword="null"/>
        /// when the receiver is the lock.
        /// </summary>
        internal LockClass? LockClass { get; }

        /// <summary>
        /// The field or property a contract names (<c>[Requires(nameof(_sync))]</c>): at a call, the lock is that member of
        /// the call's receiver. Null for a contract naming a class or the receiver.
        /// </summary>
        internal ISymbol? NamedMember { get; }

        internal LockMode Mode { get; }

        /// <summary>
        /// Whether the operation may wait for the lock, and so must respect the order. Acquires and MayAcquire
        /// always block; TryAcquires blocks only with <c>Blocking = true</c> (a killable wait).
        /// </summary>
        internal bool Blocking { get; }

        internal AttributeData Attribute { get; }

        internal bool IsOnReceiver => LockClass is null;
    }
}

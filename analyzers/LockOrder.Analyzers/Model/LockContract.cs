using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Model
{
    /// <summary>One lock contract attribute on a method, with its arguments decoded.</summary>
    internal sealed class LockContract
    {
        internal LockContract(LockContractKind kind, ITypeSymbol? lockClass, LockMode mode, bool blocking, AttributeData attribute)
        {
            Kind = kind;
            LockClass = lockClass;
            Mode = mode;
            Blocking = blocking;
            Attribute = attribute;
        }

        internal LockContractKind Kind { get; }

        /// <summary>The lock class named by <c>typeof</c>, or <see langword="null"/> when the receiver is the lock.</summary>
        internal ITypeSymbol? LockClass { get; }

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

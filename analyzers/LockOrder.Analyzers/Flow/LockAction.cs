using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Flow
{
    /// <summary>One lock contract of a called member, resolved at the call: which lock, which mode, whether it waits.</summary>
    internal readonly struct LockAction
    {
        internal LockAction(LockActionKind kind, ITypeSymbol lockClass, LockInstance instance, LockMode mode, bool blocking, bool classOnly)
        {
            Kind = kind;
            LockClass = lockClass;
            Instance = instance;
            Mode = mode;
            Blocking = blocking;
            ClassOnly = classOnly;
        }

        internal LockActionKind Kind { get; }

        internal ITypeSymbol LockClass { get; }

        /// <summary>The receiver's access path for a receiver contract; unknown for a contract naming a class.</summary>
        internal LockInstance Instance { get; }

        internal LockMode Mode { get; }

        /// <summary>The call may wait for the lock (so the declared order applies).</summary>
        internal bool Blocking { get; }

        /// <summary>The contract names a lock class (<c>typeof(VmaLock)</c>), not the receiver: any instance of the class matches.</summary>
        internal bool ClassOnly { get; }
    }
}

using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Flow
{
    /// <summary>
    /// What one call does to one lock, resolved at the call: a lock contract of the called member, or a BCL lock
    /// method's meaning (DESIGN §11) — which lock, which mode, whether it waits, and how its success is reported.
    /// </summary>
    internal readonly struct LockAction
    {
        internal LockAction(LockActionKind kind, LockClass lockClass, LockInstance instance, LockMode mode, bool blocking, bool classOnly, IOperation? takenFlag = null, bool returnsScope = false, bool resultMustBeChecked = true)
        {
            Kind = kind;
            LockClass = lockClass;
            Instance = instance;
            Mode = mode;
            Blocking = blocking;
            ClassOnly = classOnly;
            TakenFlag = takenFlag;
            ReturnsScope = returnsScope;
            ResultMustBeChecked = resultMustBeChecked;
        }

        internal LockActionKind Kind { get; }

        internal LockClass LockClass { get; }

        /// <summary>The lock's access path at the call; unknown for a contract naming a class.</summary>
        internal LockInstance Instance { get; }

        internal LockMode Mode { get; }

        /// <summary>The call may wait for the lock (so the declared order applies).</summary>
        internal bool Blocking { get; }

        /// <summary>The contract names a lock class (<c>typeof(VmaLock)</c>), not the receiver: any instance of the class matches.</summary>
        internal bool ClassOnly { get; }

        /// <summary>
        /// The <c>ref bool</c> argument the call sets when it holds the lock (<c>Monitor.Enter(o, ref taken)</c>): a blocking
        /// acquisition leaves it true; a try-acquisition's success is read from it instead of the result.
        /// </summary>
        internal IOperation? TakenFlag { get; }

        /// <summary>The call's result is a scope whose disposal releases the lock (<c>Lock()</c>, <c>Lock.EnterScope()</c>).</summary>
        internal bool ReturnsScope { get; }

        /// <summary>For a try-acquisition: dropping its result leaves the following code running with or without the lock (LOCK010).</summary>
        internal bool ResultMustBeChecked { get; }
    }
}

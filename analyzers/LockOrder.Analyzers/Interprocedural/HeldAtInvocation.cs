using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>One lock a method holds where it runs a delegate parameter, its instance as a path from the method's <c>this</c>.</summary>
    internal readonly struct HeldAtInvocation
    {
        internal HeldAtInvocation(LockClass lockClass, LockMode mode, LockInstance instance, Location acquiredAt)
        {
            LockClass = lockClass;
            Mode = mode;
            Instance = instance;
            AcquiredAt = acquiredAt;
        }

        internal LockClass LockClass { get; }

        internal LockMode Mode { get; }

        internal LockInstance Instance { get; }

        internal Location AcquiredAt { get; }

        /// <summary>The same lock seen one call further out: the callee's <c>this</c> is the call's <paramref name="receiver"/>.</summary>
        internal HeldAtInvocation Rebase(LockInstance receiver) => new HeldAtInvocation(LockClass, Mode, Instance.Rebase(receiver), AcquiredAt);
    }
}

using LockOrder.Analyzers.Flow;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Rules
{
    /// <summary>LOCK005: a lock leaked, released twice, held on some paths only, or a body that breaks its own contract.</summary>
    internal static class LockStateRule
    {
        internal static void HeldAtReturn(FlowContext context, HeldLock held, string owner, ISymbol? ownerSymbol)
        {
            string name = held.LockClass.ContractArguments(ownerSymbol);
            context.Sink.Report(
                Descriptors.LockStateMismatch,
                held.AcquiredAt,
                null,
                "'" + held.Describe() + "' (" + held.Mode + ") taken here is still held when '" + owner + "' returns: release it on every path, or declare [Acquires(" + name + ", LockMode." + held.Mode + ")] on '" + owner + "'");
        }

        internal static void ReleasedWhileNotHeld(FlowContext context, LockClass lockClass, LockInstance instance, Location at)
        {
            string name = HeldLock.Describe(lockClass, instance);
            context.Sink.Report(
                Descriptors.LockStateMismatch,
                at,
                null,
                "'" + name + "' is released here but is not held on this path: " + ReleaseFailure(lockClass.Primitive));
        }

        /// <summary>What releasing a lock that is not held does, by primitive.</summary>
        private static string ReleaseFailure(LockPrimitive primitive) => primitive switch
        {
            LockPrimitive.SemaphoreSlim => "the count goes up, and a later waiter gets in while another flow holds the lock",
            LockPrimitive.Mutex => "releasing a mutex that is not held throws ApplicationException",
            LockPrimitive.ReaderWriterLock => "releasing a lock that is not held throws ApplicationException",
            _ => "releasing a lock that is not held throws SynchronizationLockException",
        };

        internal static void HeldOnSomePathsOnly(FlowContext context, HeldLock held, Location join)
        {
            int line = join.IsInSource ? join.GetLineSpan().StartLinePosition.Line + 1 : 0;
            context.Sink.Report(
                Descriptors.LockStateMismatch,
                held.AcquiredAt,
                join.IsInSource ? join : null,
                "'" + held.Describe() + "' (" + held.Mode + ") taken here is held on some paths only where they join" + (line > 0 ? " (line " + line + ")" : string.Empty) + ": release it on every path, or on none");
        }

        internal static void InheritedNotRetaken(FlowContext context, Location at, string owner, HeldLock dropped)
        {
            context.Sink.Report(
                Descriptors.LockStateMismatch,
                at,
                dropped.AcquiredAt,
                "'" + owner + "' releases '" + dropped.Describe() + "' before it takes it, so its caller holds it, and returns on this path without taking it again: the caller goes on as if it held it");
        }

        internal static void ContractNotHonored(FlowContext context, Location at, string owner, string contract, string problem)
        {
            context.Sink.Report(
                Descriptors.LockStateMismatch,
                at,
                null,
                "'" + owner + "' is declared " + contract + " but " + problem);
        }
    }
}

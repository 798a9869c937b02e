using LockOrder.Analyzers.Flow;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Rules
{
    /// <summary>LOCK005: a lock leaked, released twice, held on some paths only, or a body that breaks its own contract.</summary>
    internal static class LockStateRule
    {
        internal static void HeldAtReturn(FlowContext context, HeldLock held, string owner)
        {
            string name = DeclaredOrder.Display(held.LockClass);
            context.Sink.Report(
                Descriptors.LockStateMismatch,
                held.AcquiredAt,
                null,
                "'" + held.Describe() + "' (" + held.Mode + ") taken here is still held when '" + owner + "' returns: release it on every path, or declare [Acquires(typeof(" + name + "), LockMode." + held.Mode + ")] on '" + owner + "'");
        }

        internal static void ReleasedWhileNotHeld(FlowContext context, ITypeSymbol lockClass, LockInstance instance, Location at)
        {
            string name = DeclaredOrder.Display(lockClass) + (instance.IsKnown ? " (" + instance.Path + ")" : string.Empty);
            context.Sink.Report(
                Descriptors.LockStateMismatch,
                at,
                null,
                "'" + name + "' is released here but is not held on this path: releasing a lock that is not held throws SynchronizationLockException");
        }

        internal static void HeldOnSomePathsOnly(FlowContext context, HeldLock held, Location join)
        {
            int line = join.IsInSource ? join.GetLineSpan().StartLinePosition.Line + 1 : 0;
            context.Sink.Report(
                Descriptors.LockStateMismatch,
                held.AcquiredAt,
                join.IsInSource ? join : null,
                "'" + held.Describe() + "' (" + held.Mode + ") taken here is held on some paths only where they join" + (line > 0 ? " (line " + line + ")" : string.Empty) + ": release it on every path, or on none");
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

using LockOrder.Analyzers.Flow;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Rules
{
    /// <summary>LOCK006: a call must meet the callee's <c>[Requires]</c> and <c>[Excludes]</c>.</summary>
    internal static class CallContractRule
    {
        internal static void CheckRequires(FlowContext context, LockState state, string callee, LockAction action, Location at)
        {
            HeldLock? weaker = null;
            foreach (var held in state.Held)
            {
                if (!LockTransfer.IsSameOrDerived(held.LockClass, action.LockClass))
                {
                    continue;
                }

                // A lock held on some paths only was reported where the paths joined; do not pile a contract error on it.
                if (held.IsMaybe || held.Mode == LockMode.Exclusive || action.Mode == LockMode.Shared)
                {
                    return;
                }

                weaker = held;
            }

            string name = DeclaredOrder.Display(action.LockClass);
            string problem = weaker is null
                ? "it requires '" + name + "' held (" + action.Mode + "), and no '" + name + "' is held here"
                : "it requires '" + name + "' held (" + action.Mode + "), and '" + weaker.Describe() + "' is held only Shared here";
            context.Sink.Report(Descriptors.CallContractViolation, at, weaker?.AcquiredAt, callee, problem);
        }

        internal static void CheckExcludes(FlowContext context, LockState state, string callee, LockAction action, Location at)
        {
            foreach (var held in state.Held)
            {
                if (!held.IsMaybe && LockTransfer.IsSameOrDerived(held.LockClass, action.LockClass))
                {
                    string problem = "it must not be called with '" + DeclaredOrder.Display(action.LockClass) + "' held, and '" + held.Describe() + "' (" + held.Mode + ") is held here";
                    context.Sink.Report(Descriptors.CallContractViolation, at, held.AcquiredAt, callee, problem);
                    return;
                }
            }
        }
    }
}

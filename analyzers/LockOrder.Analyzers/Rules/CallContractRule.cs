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
                if (!held.LockClass.IsSameOrDerivedFrom(action.LockClass))
                {
                    continue;
                }

                // A lock held on some paths only was reported where the paths joined; do not pile a contract error on it.
                if (held.IsMaybe || LockModes.Stronger(held.Mode, action.Mode) == held.Mode)
                {
                    return;
                }

                weaker = held;
            }

            string name = action.LockClass.Display;
            string problem = weaker is null
                ? "it requires '" + name + "' held (" + action.Mode + "), and no '" + name + "' is held here"
                : "it requires '" + name + "' held (" + action.Mode + "), and '" + weaker.Describe() + "' is held only Shared here";
            context.Sink.Report(Descriptors.CallContractViolation, at, weaker?.AcquiredAt, callee, problem);
        }

        internal static void CheckExcludes(FlowContext context, LockState state, string callee, LockAction action, Location at)
        {
            foreach (var held in state.Held)
            {
                if (!held.IsMaybe && held.LockClass.IsSameOrDerivedFrom(action.LockClass))
                {
                    string problem = "it must not be called with '" + action.LockClass.Display + "' held, and '" + held.Describe() + "' (" + held.Mode + ") is held here";
                    context.Sink.Report(Descriptors.CallContractViolation, at, held.AcquiredAt, callee, problem);
                    return;
                }
            }
        }
    }
}

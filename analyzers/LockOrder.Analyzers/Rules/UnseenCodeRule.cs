using LockOrder.Analyzers.Flow;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Rules
{
    /// <summary>
    /// LOCK013 (info): code the compilation cannot see runs under a lock — a delegate parameter of a method callers outside
    /// the compilation can call, the handlers of an event code outside can subscribe to, an abstract or interface member of
    /// the compilation with no implementation in it (Infer's "arbitrary code execution under lock").
    /// </summary>
    internal static class UnseenCodeRule
    {
        internal const string DelegateParameter = "a caller outside this compilation can pass code that takes another lock or waits, and deadlocks with this one";

        internal const string EventHandlers = "handlers outside this compilation can subscribe, and one that takes another lock or waits deadlocks with this one";

        internal const string StoredDelegate = "it runs whatever code was stored in it, which this analysis does not follow";

        internal const string NoImplementation = "no implementation of it is in this compilation, and one outside it that takes another lock or waits deadlocks with this one";

        internal static void Report(FlowContext context, LockState state, string what, string why, Location at)
        {
            foreach (var held in state.Held)
            {
                if (!held.IsMaybe)
                {
                    context.Sink.Report(Descriptors.UnseenCodeUnderLock, at, held.AcquiredAt, what, held.Describe(), held.Mode, why);
                    return;
                }
            }
        }

        /// <summary>Whether code outside the compilation can reach <paramref name="symbol"/> (to call it, or to subscribe to it).</summary>
        internal static bool IsVisibleOutside(ISymbol symbol)
        {
            for (var current = symbol; current is not null && current is not INamespaceSymbol; current = current.ContainingSymbol)
            {
                if (current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal))
                {
                    return false;
                }
            }

            return true;
        }
    }
}

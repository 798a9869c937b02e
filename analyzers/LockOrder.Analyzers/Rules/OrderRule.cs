using LockOrder.Analyzers.Flow;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Rules
{
    /// <summary>
    /// LOCK001 and LOCK004 for one blocking acquisition (direct, or a call's effect), and the held → acquired edges
    /// that LOCK008 looks for cycles in.
    /// </summary>
    internal static class OrderRule
    {
        internal static void CheckBlockingAcquisition(FlowContext context, LockState state, ITypeSymbol acquired, LockInstance instance, LockMode mode, string via, Location at)
        {
            foreach (var held in state.Held)
            {
                if (held.IsMaybe)
                {
                    continue;
                }

                if (IsRecursive(held, acquired))
                {
                    context.Sink.Report(
                        Descriptors.RecursiveAcquisition,
                        at,
                        held.AcquiredAt,
                        instance.IsKnown ? instance.Path! : DeclaredOrder.Display(acquired),
                        mode,
                        via,
                        DeclaredOrder.Display(acquired),
                        held.Instance.IsKnown ? held.Instance.Path! : DeclaredOrder.Display(held.LockClass),
                        held.Mode,
                        WhyRecursive(held, instance, mode));
                    continue;
                }

                context.Sink.RecordEdge(held.LockClass, acquired, held.AcquiredAt, at, via);
                if (IsAgainstOrder(context.Order, held, acquired))
                {
                    context.Sink.Report(
                        Descriptors.AcquisitionAgainstOrder,
                        at,
                        held.AcquiredAt,
                        DeclaredOrder.Display(acquired),
                        mode,
                        via,
                        held.Describe(),
                        held.Mode,
                        context.Order.DescribeChain(acquired, held.LockClass));
                }
            }
        }

        /// <summary>
        /// Whether <see cref="CheckBlockingAcquisition"/> would report (LOCK004 or LOCK001) an acquisition of
        /// <paramref name="acquired"/> under <paramref name="state"/>; the edges it records are not reports.
        /// </summary>
        internal static bool WouldReport(DeclaredOrder order, LockState state, ITypeSymbol acquired)
        {
            foreach (var held in state.Held)
            {
                if (!held.IsMaybe && (IsRecursive(held, acquired) || IsAgainstOrder(order, held, acquired)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>LOCK004: the acquired class is held already.</summary>
        private static bool IsRecursive(HeldLock held, ITypeSymbol acquired) => SymbolEqualityComparer.Default.Equals(held.LockClass, acquired);

        /// <summary>LOCK001: the acquired class is declared to come before the held one.</summary>
        private static bool IsAgainstOrder(DeclaredOrder order, HeldLock held, ITypeSymbol acquired) => order.IsBefore(acquired, held.LockClass);

        private static string WhyRecursive(HeldLock held, LockInstance instance, LockMode mode)
        {
            if (held.Instance.IsKnown && instance.IsKnown)
            {
                if (!held.Instance.Equals(instance))
                {
                    return "two instances of one lock class have no order between them, so two threads taking them in opposite orders deadlock; take the second with a try-acquisition and back off on failure";
                }

                return held.Mode == LockMode.Shared && mode == LockMode.Shared
                    ? "a second read waits behind a queued writer, which waits for the first read"
                    : "the lock is not recursive, so the thread waits for itself";
            }

            return "it is the same lock (not recursive, the thread waits for itself) or another instance of its class (no order between instances)";
        }
    }
}

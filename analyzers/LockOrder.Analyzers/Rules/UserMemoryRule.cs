using LockOrder.Analyzers.Flow;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Rules
{
    /// <summary>
    /// LOCK002/LOCK003: touching user memory is a blocking shared acquisition of <c>MmapLock</c> (the page fault takes
    /// it), so it is forbidden under every lock ordered after <c>MmapLock</c>; under <c>MmapLock</c> itself it is a
    /// recursive acquisition (LOCK004).
    /// </summary>
    internal static class UserMemoryRule
    {
        internal static void CheckFault(FlowContext context, LockState state, string what, string via, Location at)
        {
            var mmapLock = context.Order.MmapLock;
            if (mmapLock is null)
            {
                return;
            }

            HeldLock? exclusive = null;
            HeldLock? shared = null;
            foreach (var held in state.Held)
            {
                if (held.IsMaybe)
                {
                    continue;
                }

                if (IsMmapLock(held, mmapLock))
                {
                    OrderRule.CheckBlockingAcquisition(context, LockStateOf(held), mmapLock, LockInstance.Unknown, LockMode.Shared, Via(what, via), at);
                    continue;
                }

                context.Sink.RecordEdge(held.LockClass, mmapLock, held.AcquiredAt, at, Via(what, via));
                if (context.Order.IsOrderedAfterMmapLock(held.LockClass))
                {
                    if (held.Mode == LockMode.Exclusive)
                    {
                        exclusive ??= held;
                    }
                    else
                    {
                        shared ??= held;
                    }
                }
            }

            if (exclusive is not null)
            {
                context.Sink.Report(Descriptors.UserMemoryUnderExclusiveLock, at, exclusive.AcquiredAt, what, via, exclusive.Describe(), exclusive.Mode);
            }
            else if (shared is not null)
            {
                context.Sink.Report(Descriptors.UserMemoryUnderSharedLock, at, shared.AcquiredAt, what, via, shared.Describe());
            }
        }

        /// <summary>
        /// Whether <see cref="CheckFault"/> would report (LOCK002, LOCK003, or LOCK004 under <c>MmapLock</c>) user memory
        /// touched under <paramref name="state"/>; the edges it records are not reports.
        /// </summary>
        internal static bool WouldReport(DeclaredOrder order, LockState state)
        {
            if (order.MmapLock is not { } mmapLock)
            {
                return false;
            }

            foreach (var held in state.Held)
            {
                if (!held.IsMaybe && (IsMmapLock(held, mmapLock) || order.IsOrderedAfterMmapLock(held.LockClass)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Under MmapLock itself a fault is a recursive acquisition (LOCK004).</summary>
        private static bool IsMmapLock(HeldLock held, LockClass mmapLock) => held.LockClass.Equals(mmapLock);

        /// <summary>" via X → Y" for a fault: the path ends at the member that touches user memory.</summary>
        private static string Via(string what, string via) => via.Length > 0 ? via : " via " + what;

        private static LockState LockStateOf(HeldLock held) => LockState.Empty.Add(held, out _);
    }
}

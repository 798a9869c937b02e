using LockOrder.Analyzers.Flow;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Rules
{
    /// <summary>
    /// LOCK014: a thread that blocks (<c>Task.Wait</c>, <c>.Result</c>, <c>Thread.Join</c>, an event's <c>WaitOne</c>, …) while
    /// holding a lock deadlocks if what it waits for needs that lock — a continuation, a callback, another thread.
    /// </summary>
    internal static class WaitRule
    {
        internal static void Check(FlowContext context, LockState state, string wait, string via, Location at)
        {
            foreach (var held in state.Held)
            {
                if (!held.IsMaybe)
                {
                    context.Sink.Report(Descriptors.BlockingWaitUnderLock, at, held.AcquiredAt, wait, via, held.Describe(), held.Mode);
                    return;
                }
            }
        }

        /// <summary>
        /// <c>Monitor.Wait(o)</c> lets go of <c>o</c> only: waiting on a monitor other than the innermost lock keeps the locks
        /// taken after it held while the thread sleeps.
        /// </summary>
        internal static void CheckMonitorWait(FlowContext context, LockState state, HeldLock? waited, string wait, Location at)
        {
            if (waited is null || waited.IsMaybe)
            {
                return;
            }

            for (int i = state.Held.Length - 1; i >= 0; i--)
            {
                var held = state.Held[i];
                if (ReferenceEquals(held, waited))
                {
                    return;
                }

                if (!held.IsMaybe)
                {
                    context.Sink.Report(Descriptors.BlockingWaitUnderLock, at, held.AcquiredAt, wait, string.Empty, held.Describe(), held.Mode);
                    return;
                }
            }
        }
    }
}

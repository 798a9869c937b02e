using LockOrder.Analyzers.Flow;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Rules
{
    /// <summary>LOCK009: LockOrder locks belong to a thread; an await can resume on another one with the lock still held.</summary>
    internal static class AwaitRule
    {
        internal static void Check(FlowContext context, LockState state, Location at)
        {
            foreach (var held in state.Held)
            {
                if (!held.IsMaybe)
                {
                    context.Sink.Report(Descriptors.LockHeldAcrossAwait, at, held.AcquiredAt, held.Describe(), held.Mode);
                    return;
                }
            }
        }
    }
}

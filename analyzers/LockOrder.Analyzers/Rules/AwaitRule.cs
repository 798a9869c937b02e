using LockOrder.Analyzers.Flow;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Rules
{
    /// <summary>
    /// LOCK009: a lock that belongs to a thread (LockOrder's, a monitor, a <c>Lock</c>, a reader-writer lock, a mutex, a
    /// spin lock) must not be held across <c>await</c>: the continuation can run on another thread. A <c>SemaphoreSlim</c>
    /// belongs to nobody; <c>await WaitAsync()</c> … <c>Release()</c> is the async mutex idiom.
    /// </summary>
    internal static class AwaitRule
    {
        internal static void Check(FlowContext context, LockState state, Location at)
        {
            foreach (var held in state.Held)
            {
                if (!held.IsMaybe && held.LockClass.IsThreadAffine)
                {
                    context.Sink.Report(Descriptors.LockHeldAcrossAwait, at, held.AcquiredAt, held.Describe(), held.Mode);
                    return;
                }
            }
        }
    }
}

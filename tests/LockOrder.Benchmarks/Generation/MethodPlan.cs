using System.Collections.Generic;

namespace LockOrder.Benchmarks.Generation
{
    /// <summary>
    /// Everything the writer needs to emit one method, plus its transitive effect (which lock classes it may take,
    /// whether it may fault) that decides which calls may legally sit under which locks.
    /// </summary>
    internal sealed class MethodPlan
    {
        internal MethodPlan(int classIndex, int index, int layer)
        {
            ClassIndex = classIndex;
            Index = index;
            Layer = layer;
        }

        internal int ClassIndex { get; }

        internal int Index { get; }

        /// <summary>Calls go to strictly higher layers (except the recursive share), which bounds call depth like real layered code.</summary>
        internal int Layer { get; }

        internal List<LockStep> Locks { get; } = new List<LockStep>();

        internal List<CallPlan> Calls { get; } = new List<CallPlan>();

        /// <summary>The method itself copies from user memory before its locks and to user memory after them.</summary>
        internal bool TouchesUserMemory { get; set; }

        /// <summary>The lock nest sits inside a small loop, so the flow analysis meets a back edge.</summary>
        internal bool LoopAroundLocks { get; set; }

        /// <summary>The innermost critical section has an early <c>return</c> (only where every enclosing release is automatic).</summary>
        internal bool EarlyReturn { get; set; }

        /// <summary>The innermost section calls the module's helpers instead of device methods (top layer).</summary>
        internal bool CallsHelpers { get; set; }

        /// <summary>An <c>async Task&lt;int&gt;</c> method that takes its semaphore with <c>await WaitAsync()</c>; only async methods call it.</summary>
        internal bool Async { get; set; }

        /// <summary>Its awaits say <c>ConfigureAwait(false)</c>, as library code does.</summary>
        internal bool ConfigureAwait { get; set; }

        /// <summary>Bit per lock rank (<see cref="LockStep.Rank"/>) this method may acquire, itself or through its callees.</summary>
        internal int EffectMask { get; set; }

        /// <summary>This method may touch user memory, itself or through its callees.</summary>
        internal bool EffectFaults { get; set; }

        internal int Seed { get; set; }

        /// <summary>Calls planned under a lock that had to move after the release because the callee did not fit there.</summary>
        internal int MovedCalls { get; set; }
    }
}

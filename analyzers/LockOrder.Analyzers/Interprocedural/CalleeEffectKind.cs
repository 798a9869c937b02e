namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>What a call may do that matters to the caller's held locks.</summary>
    internal enum CalleeEffectKind
    {
        /// <summary>The callee may wait for a lock of a class (and release it before returning).</summary>
        Acquire,

        /// <summary>The callee may touch user memory, i.e. page-fault and take MmapLock for read.</summary>
        Fault,

        /// <summary>The callee may block its thread on something other than a lock (<c>Task.Wait</c>, <c>.Result</c>, <c>Thread.Join</c>, …).</summary>
        Wait,
    }
}

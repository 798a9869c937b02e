namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>What a call may do that matters to the caller's held locks.</summary>
    internal enum CalleeEffectKind
    {
        /// <summary>The callee may wait for a lock of a class (and release it before returning).</summary>
        Acquire,

        /// <summary>The callee may touch user memory, i.e. page-fault and take MmapLock for read.</summary>
        Fault,
    }
}

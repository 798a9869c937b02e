namespace LockOrder
{
    /// <summary>What the runtime validator found wrong with an acquisition.</summary>
    public enum LockViolationKind
    {
        /// <summary>Acquisition against the order declared with <see cref="AcquiredBeforeAttribute"/>/<see cref="AcquiredAfterAttribute"/>.</summary>
        DeclaredOrder,

        /// <summary>Acquisition that closes a cycle in the lock orders observed so far, across all threads.</summary>
        Inversion,

        /// <summary>Blocking acquisition of a lock class the thread already holds.</summary>
        Recursive,

        /// <summary>User memory touched while holding a lock ordered after <see cref="MmapLock"/>.</summary>
        UserMemoryAccess,
    }
}

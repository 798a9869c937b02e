namespace LockOrder
{
    /// <summary>How a lock is held: shared (a reader of a reader-writer lock) or exclusive (a writer, or a mutex).</summary>
    public enum LockMode
    {
        /// <summary>Held for reading; other readers may hold it at the same time.</summary>
        Shared,

        /// <summary>Held alone: a mutex, or a reader-writer lock held for writing.</summary>
        Exclusive,
    }
}

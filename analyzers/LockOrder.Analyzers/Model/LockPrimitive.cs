namespace LockOrder.Analyzers.Model
{
    /// <summary>How a lock is taken: LockOrder's own lock types, or one of the BCL primitives of DESIGN §11.</summary>
    internal enum LockPrimitive
    {
        /// <summary>A lock type derived from <c>MutexLock</c> or <c>RwSemaphore</c>: not recursive, owned by a thread.</summary>
        LockOrder,

        /// <summary><c>lock (o)</c> on an object, <c>Monitor.Enter</c>: re-entrant, owned by a thread.</summary>
        Monitor,

        /// <summary><c>System.Threading.Lock</c>, also through <c>lock</c>: re-entrant, owned by a thread.</summary>
        Lock,

        /// <summary><c>SemaphoreSlim</c> created with a count of one: not re-entrant, owned by nobody (the async mutex).</summary>
        SemaphoreSlim,

        /// <summary><c>ReaderWriterLockSlim</c>: re-entrant only when created with <c>LockRecursionPolicy.SupportsRecursion</c>.</summary>
        ReaderWriterLockSlim,

        /// <summary><c>ReaderWriterLock</c>: re-entrant, but a read lock upgraded to a write lock deadlocks.</summary>
        ReaderWriterLock,

        /// <summary><c>Mutex</c>: re-entrant, owned by a thread.</summary>
        Mutex,

        /// <summary><c>SpinLock</c>: not re-entrant.</summary>
        SpinLock,
    }
}

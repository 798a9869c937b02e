namespace LockOrder.CodeFixes.Engine
{
    /// <summary>What a call does to the caller's held locks, as its LockOrder contract declares.</summary>
    internal enum LockOperationKind
    {
        /// <summary>Blocks until the lock is held (<c>[Acquires]</c>).</summary>
        Acquire,

        /// <summary>Holds the lock only when it returns true (<c>[TryAcquires]</c>).</summary>
        TryAcquire,

        /// <summary>Releases the lock (<c>[Releases]</c>).</summary>
        Release,
    }
}

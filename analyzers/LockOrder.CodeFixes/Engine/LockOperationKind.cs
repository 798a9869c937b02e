namespace LockOrder.CodeFixes.Engine
{
    /// <summary>What a call or a <c>lock</c> statement does to the caller's held locks, as the analyzer classifies it.</summary>
    internal enum LockOperationKind
    {
        /// <summary>Blocks until the lock is held (<c>[Acquires]</c>, <c>Monitor.Enter</c>, <c>lock</c>, an infinite timeout).</summary>
        Acquire,

        /// <summary>Holds the lock only when it reports success (<c>[TryAcquires]</c>, <c>Monitor.TryEnter</c>, <c>Wait(timeout)</c>).</summary>
        TryAcquire,

        /// <summary>Releases the lock (<c>[Releases]</c>, <c>Monitor.Exit</c>, <c>SemaphoreSlim.Release</c>).</summary>
        Release,
    }
}

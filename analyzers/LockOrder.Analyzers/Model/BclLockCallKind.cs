namespace LockOrder.Analyzers.Model
{
    /// <summary>What a call of a BCL lock method does to its lock (DESIGN §11).</summary>
    internal enum BclLockCallKind
    {
        None,

        /// <summary>Waits until the lock is held (<c>Monitor.Enter</c>, <c>Wait()</c>, <c>EnterWriteLock</c>, …).</summary>
        Acquire,

        /// <summary>Holds the lock when its result (or its <c>ref bool</c>) is true; a timed one blocks when the timeout is infinite.</summary>
        TryAcquire,

        Release,

        /// <summary><c>Monitor.Wait</c>: lets go of the monitor while waiting, keeps every other lock the thread holds.</summary>
        MonitorWait,
    }
}

namespace LockOrder.Benchmarks.Generation
{
    /// <summary>How generated code takes and releases a BCL lock: the forms real code uses, each of which the analyzer must follow.</summary>
    internal enum BclForm
    {
        /// <summary><c>lock (o) { ... }</c></summary>
        LockStatement,

        /// <summary><c>object sync = _sync; lock (sync) { ... }</c>: the lock read into a local first.</summary>
        LockOnLocal,

        /// <summary><c>bool taken = false; try { Monitor.Enter(o, ref taken); ... } finally { if (taken) Monitor.Exit(o); }</c></summary>
        MonitorEnterTaken,

        /// <summary><c>if (Monitor.TryEnter(o, timeout)) { try { ... } finally { Monitor.Exit(o); } } else { ... }</c>: a try-acquisition with its result checked.</summary>
        MonitorTryEnter,

        /// <summary><c>_gate.Wait(); try { ... } finally { _gate.Release(); }</c></summary>
        SemaphoreWait,

        /// <summary><c>if (_gate.Wait(timeout)) { try { ... } finally { _gate.Release(); } } else { ... }</c>: a timed wait with its result checked.</summary>
        SemaphoreTimedWait,

        /// <summary><c>await _gate.WaitAsync(); try { ... } finally { _gate.Release(); }</c> in an async method (with or without <c>ConfigureAwait(false)</c>).</summary>
        SemaphoreWaitAsync,

        /// <summary><c>_rw.EnterReadLock(); try { ... } finally { _rw.ExitReadLock(); }</c></summary>
        ReadLock,

        /// <summary><c>_rw.EnterWriteLock(); try { ... } finally { _rw.ExitWriteLock(); }</c></summary>
        WriteLock,

        /// <summary><c>_rw.EnterUpgradeableReadLock(); try { ... }</c> with a conditional <c>EnterWriteLock()</c> … <c>ExitWriteLock()</c> inside: the legitimate upgrade.</summary>
        UpgradeableReadLock,

        /// <summary><c>using (_lock.EnterScope()) { ... }</c></summary>
        LockScope,

        /// <summary><c>_lock.Enter(); try { ... } finally { _lock.Exit(); }</c> (also the only form in async methods, which C# 12 forbids a ref struct scope in).</summary>
        LockEnter,

        /// <summary><c>_mutex.WaitOne(); try { ... } finally { _mutex.ReleaseMutex(); }</c></summary>
        MutexWaitOne,

        /// <summary><c>bool taken = false; try { _spin.Enter(ref taken); ... } finally { if (taken) _spin.Exit(); }</c></summary>
        SpinLockEnter,
    }
}

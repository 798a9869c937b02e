using System;
using System.Threading;

namespace LockOrder
{
    /// <summary>
    /// A non-recursive mutex whose lock class is the derived type: <c>sealed class VmaLock : MutexLock { }</c>.
    /// Order between lock classes is declared with <see cref="AcquiredBeforeAttribute"/> on the derived type.
    /// </summary>
    public abstract partial class MutexLock
    {
        /// <summary>Creates a mutex named after its lock class.</summary>
        protected MutexLock() => throw new NotImplementedException();

        /// <summary>Takes the lock (blocking) and returns a scope whose disposal releases it.</summary>
        [Acquires(LockMode.Exclusive)]
        public Scope Lock() => throw new NotImplementedException();

        /// <summary>Takes the lock, waiting as long as needed.</summary>
        [Acquires(LockMode.Exclusive)]
        public void Enter() => throw new NotImplementedException();

        /// <summary>Takes the lock only if it is free right now; never blocks.</summary>
        [TryAcquires(LockMode.Exclusive)]
        public bool TryEnter() => throw new NotImplementedException();

        /// <summary>Waits for the lock until it is taken (true) or <paramref name="cancellationToken"/> is cancelled (false, nothing held).</summary>
        [TryAcquires(LockMode.Exclusive, Blocking = true)]
        public bool EnterKillable(CancellationToken cancellationToken) => throw new NotImplementedException();

        /// <summary>Releases the lock; the calling thread must hold it.</summary>
        [Releases(LockMode.Exclusive)]
        public void Exit() => throw new NotImplementedException();
    }
}

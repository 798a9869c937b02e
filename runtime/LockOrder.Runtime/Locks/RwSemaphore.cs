using System;
using System.Threading;

namespace LockOrder
{
    /// <summary>
    /// A reader-writer semaphore with Linux <c>rw_semaphore</c> semantics: many readers or one writer, not
    /// read-recursive, and fair — a queued writer blocks new readers, so writers never starve. The lock class is
    /// the derived type: <c>sealed class MemoryLock : RwSemaphore { }</c>.
    /// </summary>
    public abstract partial class RwSemaphore
    {
        /// <summary>Creates a semaphore named after its lock class.</summary>
        protected RwSemaphore() => throw new NotImplementedException();

        /// <summary>Takes the lock for reading (blocking) and returns a scope whose disposal releases it.</summary>
        [Acquires(LockMode.Shared)]
        public ReadScope Read() => throw new NotImplementedException();

        /// <summary>Takes the lock for reading, waiting behind any holding or queued writer.</summary>
        [Acquires(LockMode.Shared)]
        public void EnterRead() => throw new NotImplementedException();

        /// <summary>Takes the lock for reading only if that needs no wait; never blocks.</summary>
        [TryAcquires(LockMode.Shared)]
        public bool TryEnterRead() => throw new NotImplementedException();

        /// <summary>Waits to read until taken (true) or <paramref name="cancellationToken"/> is cancelled (false, nothing held).</summary>
        [TryAcquires(LockMode.Shared, Blocking = true)]
        public bool EnterReadKillable(CancellationToken cancellationToken) => throw new NotImplementedException();

        /// <summary>Releases a read hold.</summary>
        [Releases(LockMode.Shared)]
        public void ExitRead() => throw new NotImplementedException();

        /// <summary>Takes the lock for writing (blocking) and returns a scope whose disposal releases it.</summary>
        [Acquires(LockMode.Exclusive)]
        public WriteScope Write() => throw new NotImplementedException();

        /// <summary>Takes the lock for writing, waiting for every reader and writer to leave.</summary>
        [Acquires(LockMode.Exclusive)]
        public void EnterWrite() => throw new NotImplementedException();

        /// <summary>Takes the lock for writing only if it is free right now; never blocks.</summary>
        [TryAcquires(LockMode.Exclusive)]
        public bool TryEnterWrite() => throw new NotImplementedException();

        /// <summary>Waits to write until taken (true) or <paramref name="cancellationToken"/> is cancelled (false, nothing held).</summary>
        [TryAcquires(LockMode.Exclusive, Blocking = true)]
        public bool EnterWriteKillable(CancellationToken cancellationToken) => throw new NotImplementedException();

        /// <summary>Releases the write hold; the calling thread must own it.</summary>
        [Releases(LockMode.Exclusive)]
        public void ExitWrite() => throw new NotImplementedException();

        /// <summary>Turns the calling thread's write hold into a read hold without ever letting a writer in between.</summary>
        [Releases(LockMode.Exclusive)]
        [Acquires(LockMode.Shared)]
        public void DowngradeWrite() => throw new NotImplementedException();
    }
}

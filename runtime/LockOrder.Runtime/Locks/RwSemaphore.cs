using System;
using System.Collections.Generic;
using System.Threading;

namespace LockOrder
{
    /// <summary>
    /// A reader-writer semaphore with Linux <c>rw_semaphore</c> semantics: many readers or one writer, not
    /// read-recursive, and fair — a queued writer blocks new readers, so writers never starve. The lock class is
    /// the derived type: <c>sealed class MemoryLock : RwSemaphore { }</c>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// One state word holds the reader count, a writer bit and a "someone is queued" bit. Uncontended acquisitions
    /// and releases are a single interlocked operation on it. Once anyone is queued, new acquisitions queue behind
    /// it in arrival order and a release hands the lock to the head of the queue — the writer, or every reader up
    /// to the next queued writer. That hand-off is what makes a reader that arrives after a queued writer wait for
    /// that writer, exactly the fairness that turns a recursive read into a deadlock in the kernel.
    /// </para>
    /// <para>Read holds are tracked per thread: a read hold is released by the thread that took it.</para>
    /// </remarks>
    public abstract partial class RwSemaphore
    {
        private const string Kind = "RwSemaphore";
        private const int ReaderMask = 0x3FFFFFFF;
        private const int WriterBit = 0x40000000;
        private const int QueuedBit = unchecked((int)0x80000000);

        private readonly object _gate = new object();

        // Waiters in arrival order; changed only under _gate. QueuedBit is set exactly while it is non-empty.
        private readonly LinkedList<Waiter> _queue = new LinkedList<Waiter>();

        private int _state;

        // Managed thread id of the write holder; 0 when none.
        private int _writeOwner;

        // Bumped by every write release, so a write scope disposed a second time is recognised even if the same
        // thread has taken the write hold again since.
        private int _writeReleases;

        /// <summary>Creates a semaphore named after its lock class.</summary>
        protected RwSemaphore()
        {
            Name = GetType().Name;
        }

        /// <summary>Creates a semaphore with a <paramref name="name"/> for messages (e.g. which device it belongs to).</summary>
        protected RwSemaphore(string name)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
        }

        /// <summary>The name used in exception messages and validator reports.</summary>
        public string Name { get; }

        /// <summary>Number of read holds right now.</summary>
        internal int ReaderCount => Volatile.Read(ref _state) & ReaderMask;

        /// <summary>Whether a writer holds the semaphore right now.</summary>
        internal bool IsWriteHeld => (Volatile.Read(ref _state) & WriterBit) != 0;

        /// <summary>Threads queued waiting for the semaphore; lets tests see that a thread is blocked.</summary>
        internal int QueuedCount
        {
            get
            {
                lock (_gate)
                {
                    return _queue.Count;
                }
            }
        }

        /// <summary>Takes the lock for reading (blocking) and returns a scope whose disposal releases it.</summary>
        [Acquires(LockMode.Shared)]
        public ReadScope Read()
        {
            EnterRead();
            return new ReadScope(this);
        }

        /// <summary>Takes the lock for reading, waiting behind any holding or queued writer.</summary>
        [Acquires(LockMode.Shared)]
        public void EnterRead()
        {
            bool validate = LockValidator.s_enabled;
            if (validate)
            {
                LockValidator.BeforeBlockingAcquire(this, LockMode.Shared);
            }

            int state = Volatile.Read(ref _state);
            if ((state & (WriterBit | QueuedBit)) != 0 || Interlocked.CompareExchange(ref _state, state + 1, state) != state)
            {
                EnterReadSlow(CancellationToken.None);
            }

            ThreadReadHolds.Add(this);
            if (validate)
            {
                LockValidator.Acquired(this, LockMode.Shared, blocking: true);
            }
        }

        /// <summary>Takes the lock for reading only if that needs no wait; never blocks.</summary>
        [TryAcquires(LockMode.Shared)]
        public bool TryEnterRead()
        {
            while (true)
            {
                int state = Volatile.Read(ref _state);
                if ((state & (WriterBit | QueuedBit)) != 0)
                {
                    return false;
                }

                if (Interlocked.CompareExchange(ref _state, state + 1, state) == state)
                {
                    break;
                }
            }

            ThreadReadHolds.Add(this);
            if (LockValidator.s_enabled)
            {
                LockValidator.Acquired(this, LockMode.Shared, blocking: false);
            }

            return true;
        }

        /// <summary>Waits to read until taken (true) or <paramref name="cancellationToken"/> is cancelled (false, nothing held).</summary>
        [TryAcquires(LockMode.Shared, Blocking = true)]
        public bool EnterReadKillable(CancellationToken cancellationToken)
        {
            bool validate = LockValidator.s_enabled;
            if (validate)
            {
                LockValidator.BeforeBlockingAcquire(this, LockMode.Shared);
            }

            int state = Volatile.Read(ref _state);
            if (((state & (WriterBit | QueuedBit)) != 0 || Interlocked.CompareExchange(ref _state, state + 1, state) != state)
                && !EnterReadSlow(cancellationToken))
            {
                return false;
            }

            ThreadReadHolds.Add(this);
            if (validate)
            {
                LockValidator.Acquired(this, LockMode.Shared, blocking: true);
            }

            return true;
        }

        /// <summary>Releases a read hold.</summary>
        [Releases(LockMode.Shared)]
        public void ExitRead() => ReleaseRead("ExitRead", "the calling thread holds no read on it");

        /// <summary>Takes the lock for writing (blocking) and returns a scope whose disposal releases it.</summary>
        [Acquires(LockMode.Exclusive)]
        public WriteScope Write()
        {
            EnterWrite();
            return new WriteScope(this, _writeReleases);
        }

        /// <summary>Takes the lock for writing, waiting for every reader and writer to leave.</summary>
        [Acquires(LockMode.Exclusive)]
        public void EnterWrite()
        {
            bool validate = LockValidator.s_enabled;
            if (validate)
            {
                LockValidator.BeforeBlockingAcquire(this, LockMode.Exclusive);
            }

            int thread = Environment.CurrentManagedThreadId;
            if (Interlocked.CompareExchange(ref _state, WriterBit, 0) == 0)
            {
                _writeOwner = thread;
            }
            else
            {
                EnterWriteSlow(thread, CancellationToken.None);
            }

            if (validate)
            {
                LockValidator.Acquired(this, LockMode.Exclusive, blocking: true);
            }
        }

        /// <summary>Takes the lock for writing only if it is free right now; never blocks.</summary>
        [TryAcquires(LockMode.Exclusive)]
        public bool TryEnterWrite()
        {
            if (Interlocked.CompareExchange(ref _state, WriterBit, 0) != 0)
            {
                return false;
            }

            _writeOwner = Environment.CurrentManagedThreadId;
            if (LockValidator.s_enabled)
            {
                LockValidator.Acquired(this, LockMode.Exclusive, blocking: false);
            }

            return true;
        }

        /// <summary>Waits to write until taken (true) or <paramref name="cancellationToken"/> is cancelled (false, nothing held).</summary>
        [TryAcquires(LockMode.Exclusive, Blocking = true)]
        public bool EnterWriteKillable(CancellationToken cancellationToken)
        {
            bool validate = LockValidator.s_enabled;
            if (validate)
            {
                LockValidator.BeforeBlockingAcquire(this, LockMode.Exclusive);
            }

            int thread = Environment.CurrentManagedThreadId;
            if (Interlocked.CompareExchange(ref _state, WriterBit, 0) == 0)
            {
                _writeOwner = thread;
            }
            else if (!EnterWriteSlow(thread, cancellationToken))
            {
                return false;
            }

            if (validate)
            {
                LockValidator.Acquired(this, LockMode.Exclusive, blocking: true);
            }

            return true;
        }

        /// <summary>Releases the write hold; the calling thread must own it.</summary>
        [Releases(LockMode.Exclusive)]
        public void ExitWrite()
        {
            CheckWriteOwner("ExitWrite");
            ReleaseWrite();
        }

        /// <summary>Turns the calling thread's write hold into a read hold without ever letting a writer in between.</summary>
        [Releases(LockMode.Exclusive)]
        [Acquires(LockMode.Shared)]
        public void DowngradeWrite()
        {
            CheckWriteOwner("DowngradeWrite");
            if (LockValidator.s_enabled)
            {
                LockValidator.Downgraded(this);
            }

            _writeReleases++;
            _writeOwner = 0;
            ThreadReadHolds.Add(this);

            // Writer bit off and one reader on in a single step: no other writer can slip in between.
            int state;
            int downgraded;
            do
            {
                state = Volatile.Read(ref _state);
                downgraded = (state & ~WriterBit) + 1;
            }
            while (Interlocked.CompareExchange(ref _state, downgraded, state) != state);

            if ((downgraded & QueuedBit) != 0)
            {
                // Readers at the head of the queue may now share the hold; a writer at the head stays queued.
                lock (_gate)
                {
                    GrantLocked();
                }
            }
        }

        internal void ExitReadScope() =>
            ReleaseRead("ReadScope.Dispose", "the scope was already disposed, or the calling thread holds no read on it");

        internal void ExitWriteScope(int writeReleasesAtAcquisition)
        {
            if ((Volatile.Read(ref _state) & WriterBit) == 0
                || Volatile.Read(ref _writeOwner) != Environment.CurrentManagedThreadId
                || _writeReleases != writeReleasesAtAcquisition)
            {
                throw LockMisuse.Create(
                    this,
                    Name,
                    Kind,
                    LockMode.Exclusive,
                    "WriteScope.Dispose",
                    "the scope was already disposed, or the calling thread does not own the write hold it took");
            }

            ReleaseWrite();
        }

        private void CheckWriteOwner(string operation)
        {
            if ((Volatile.Read(ref _state) & WriterBit) == 0)
            {
                throw LockMisuse.Create(this, Name, Kind, LockMode.Exclusive, operation, "it is not write-held");
            }

            if (Volatile.Read(ref _writeOwner) != Environment.CurrentManagedThreadId)
            {
                throw LockMisuse.Create(this, Name, Kind, LockMode.Exclusive, operation, "the calling thread does not own the write hold");
            }
        }

        private void ReleaseRead(string operation, string problem)
        {
            if (!ThreadReadHolds.Remove(this))
            {
                throw LockMisuse.Create(this, Name, Kind, LockMode.Shared, operation, problem);
            }

            if (LockValidator.s_enabled)
            {
                LockValidator.Released(this, LockMode.Shared);
            }

            int state = Interlocked.Decrement(ref _state);
            if ((state & QueuedBit) != 0 && (state & ReaderMask) == 0)
            {
                // The last reader out hands the semaphore to whoever queued behind the readers.
                lock (_gate)
                {
                    GrantLocked();
                }
            }
        }

        private void ReleaseWrite()
        {
            if (LockValidator.s_enabled)
            {
                LockValidator.Released(this, LockMode.Exclusive);
            }

            _writeReleases++;
            _writeOwner = 0;
            if (Interlocked.CompareExchange(ref _state, 0, WriterBit) == WriterBit)
            {
                return;
            }

            lock (_gate)
            {
                int state;
                do
                {
                    state = Volatile.Read(ref _state);
                }
                while (Interlocked.CompareExchange(ref _state, state & ~WriterBit, state) != state);

                GrantLocked();
            }
        }

        private bool EnterReadSlow(CancellationToken cancellationToken)
        {
            int thread = Environment.CurrentManagedThreadId;
            if (Volatile.Read(ref _writeOwner) == thread)
            {
                throw LockMisuse.Create(this, Name, Kind, LockMode.Shared, "EnterRead", "the calling thread holds it for write and would wait for itself");
            }

            // Readers racing each other on the state word: retry while nobody writes or queues.
            while (true)
            {
                int state = Volatile.Read(ref _state);
                if ((state & (WriterBit | QueuedBit)) != 0)
                {
                    break;
                }

                if (Interlocked.CompareExchange(ref _state, state + 1, state) == state)
                {
                    return true;
                }
            }

            return WaitInQueue(new Waiter(write: false, thread), cancellationToken);
        }

        private bool EnterWriteSlow(int thread, CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref _writeOwner) == thread)
            {
                throw LockMisuse.Create(this, Name, Kind, LockMode.Exclusive, "EnterWrite", "the calling thread already holds it for write and RwSemaphore is not recursive");
            }

            if (ThreadReadHolds.Contains(this))
            {
                throw LockMisuse.Create(this, Name, Kind, LockMode.Exclusive, "EnterWrite", "the calling thread holds it for read and would wait for itself (there is no upgrade)");
            }

            var spin = default(SpinWait);
            while (!spin.NextSpinWillYield)
            {
                spin.SpinOnce();
                if (Volatile.Read(ref _state) == 0 && Interlocked.CompareExchange(ref _state, WriterBit, 0) == 0)
                {
                    _writeOwner = thread;
                    return true;
                }
            }

            return WaitInQueue(new Waiter(write: true, thread), cancellationToken);
        }

        private bool WaitInQueue(Waiter waiter, CancellationToken cancellationToken)
        {
            CancellationTokenRegistration registration = default;
            if (cancellationToken.CanBeCanceled)
            {
                registration = cancellationToken.Register(WakeAll, _gate);
            }

            try
            {
                lock (_gate)
                {
                    var node = _queue.AddLast(waiter);
                    if (_queue.Count == 1)
                    {
                        SetQueuedBit();
                    }

                    // The holder may have left before the queued bit was visible; if so nobody else will grant.
                    GrantLocked();
                    while (!waiter.Granted)
                    {
                        if (cancellationToken.IsCancellationRequested)
                        {
                            _queue.Remove(node);
                            if (_queue.Count == 0)
                            {
                                ClearQueuedBit();
                            }

                            // A cancelled writer at the head may have been all that held back the readers behind it.
                            GrantLocked();
                            return false;
                        }

                        Monitor.Wait(_gate);
                    }

                    return true;
                }
            }
            finally
            {
                // Outside the monitor: disposing waits for a running callback, and the callback takes the monitor.
                registration.Dispose();
            }
        }

        /// <summary>Hands the semaphore to the head of the queue if it can have it now. Caller holds <see cref="_gate"/>.</summary>
        private void GrantLocked()
        {
            while (true)
            {
                var first = _queue.First;
                if (first is null)
                {
                    return;
                }

                // While the queued bit is set, only reader releases change the state concurrently; retry on those.
                int state = Volatile.Read(ref _state);
                if (first.Value.Write)
                {
                    if ((state & (WriterBit | ReaderMask)) != 0)
                    {
                        return;
                    }

                    int granted = WriterBit | (_queue.Count > 1 ? QueuedBit : 0);
                    if (Interlocked.CompareExchange(ref _state, granted, state) != state)
                    {
                        continue;
                    }

                    _queue.RemoveFirst();
                    _writeOwner = first.Value.Thread;
                    first.Value.Granted = true;
                }
                else
                {
                    if ((state & WriterBit) != 0)
                    {
                        return;
                    }

                    int readers = 0;
                    for (var node = first; node != null && !node.Value.Write; node = node.Next)
                    {
                        readers++;
                    }

                    int granted = state + readers;
                    if (readers == _queue.Count)
                    {
                        granted &= ~QueuedBit;
                    }

                    if (Interlocked.CompareExchange(ref _state, granted, state) != state)
                    {
                        continue;
                    }

                    for (int i = 0; i < readers; i++)
                    {
                        _queue.First!.Value.Granted = true;
                        _queue.RemoveFirst();
                    }
                }

                Monitor.PulseAll(_gate);
                return;
            }
        }

        private void SetQueuedBit()
        {
            int state;
            do
            {
                state = Volatile.Read(ref _state);
            }
            while (Interlocked.CompareExchange(ref _state, state | QueuedBit, state) != state);
        }

        private void ClearQueuedBit()
        {
            int state;
            do
            {
                state = Volatile.Read(ref _state);
            }
            while (Interlocked.CompareExchange(ref _state, state & ~QueuedBit, state) != state);
        }

        private static void WakeAll(object? gate)
        {
            lock (gate!)
            {
                Monitor.PulseAll(gate!);
            }
        }

        private sealed class Waiter
        {
            internal Waiter(bool write, int thread)
            {
                Write = write;
                Thread = thread;
            }

            internal bool Write { get; }

            internal int Thread { get; }

            internal bool Granted { get; set; }
        }
    }
}

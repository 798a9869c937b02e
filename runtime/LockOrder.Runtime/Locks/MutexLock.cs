using System;
using System.Threading;

namespace LockOrder
{
    /// <summary>
    /// A non-recursive mutex owned by the thread that took it, whose lock class is the derived type:
    /// <c>sealed class VmaLock : MutexLock { }</c>. Order between lock classes is declared with
    /// <see cref="AcquiredBeforeAttribute"/> on the derived type.
    /// </summary>
    /// <remarks>
    /// Uncontended enter and exit are one interlocked operation each on the owner word; waiting threads sleep on a
    /// monitor and are woken only when someone is known to wait.
    /// </remarks>
    public abstract partial class MutexLock
    {
        private const string Kind = "MutexLock";

        private readonly object _gate = new object();

        // Managed thread id of the holder; 0 when free.
        private int _owner;

        // Threads inside the slow path; an exit wakes the monitor only when this is non-zero.
        private int _waiters;

        // Bumped by every release, so that a scope disposed a second time after the lock was re-taken is told
        // apart from the live one instead of releasing a hold it does not own.
        private int _releases;

        /// <summary>Creates a mutex named after its lock class.</summary>
        protected MutexLock()
        {
            Name = GetType().Name;
        }

        /// <summary>Creates a mutex with a <paramref name="name"/> for messages (e.g. which device it belongs to).</summary>
        protected MutexLock(string name)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
        }

        /// <summary>The name used in exception messages and validator reports.</summary>
        public string Name { get; }

        /// <summary>Whether some thread holds the lock right now.</summary>
        internal bool IsHeld => Volatile.Read(ref _owner) != 0;

        /// <summary>Threads that are waiting (or about to wait) for the lock; lets tests see a thread is blocked.</summary>
        internal int WaiterCount => Volatile.Read(ref _waiters);

        /// <summary>Takes the lock (blocking) and returns a scope whose disposal releases it.</summary>
        [Acquires(LockMode.Exclusive)]
        public Scope Lock()
        {
            Enter();
            return new Scope(this, _releases);
        }

        /// <summary>Takes the lock, waiting as long as needed.</summary>
        [Acquires(LockMode.Exclusive)]
        public void Enter()
        {
            bool validate = LockValidator.s_enabled;
            if (validate)
            {
                LockValidator.BeforeBlockingAcquire(this, LockMode.Exclusive);
            }

            int thread = Environment.CurrentManagedThreadId;
            if (Interlocked.CompareExchange(ref _owner, thread, 0) != 0)
            {
                EnterSlow(thread, CancellationToken.None);
            }

            if (validate)
            {
                LockValidator.Acquired(this, LockMode.Exclusive, blocking: true);
            }
        }

        /// <summary>Takes the lock only if it is free right now; never blocks.</summary>
        [TryAcquires(LockMode.Exclusive)]
        public bool TryEnter()
        {
            if (Interlocked.CompareExchange(ref _owner, Environment.CurrentManagedThreadId, 0) != 0)
            {
                return false;
            }

            if (LockValidator.s_enabled)
            {
                LockValidator.Acquired(this, LockMode.Exclusive, blocking: false);
            }

            return true;
        }

        /// <summary>Waits for the lock until it is taken (true) or <paramref name="cancellationToken"/> is cancelled (false, nothing held).</summary>
        [TryAcquires(LockMode.Exclusive, Blocking = true)]
        public bool EnterKillable(CancellationToken cancellationToken)
        {
            bool validate = LockValidator.s_enabled;
            if (validate)
            {
                LockValidator.BeforeBlockingAcquire(this, LockMode.Exclusive);
            }

            int thread = Environment.CurrentManagedThreadId;
            if (Interlocked.CompareExchange(ref _owner, thread, 0) != 0 && !EnterSlow(thread, cancellationToken))
            {
                return false;
            }

            if (validate)
            {
                LockValidator.Acquired(this, LockMode.Exclusive, blocking: true);
            }

            return true;
        }

        /// <summary>Releases the lock; the calling thread must hold it.</summary>
        [Releases(LockMode.Exclusive)]
        public void Exit()
        {
            if (Volatile.Read(ref _owner) != Environment.CurrentManagedThreadId)
            {
                throw LockMisuse.Create(this, Name, Kind, LockMode.Exclusive, "Exit", "the calling thread does not hold it");
            }

            Release();
        }

        internal void ExitScope(int releasesAtAcquisition)
        {
            if (Volatile.Read(ref _owner) != Environment.CurrentManagedThreadId || _releases != releasesAtAcquisition)
            {
                throw LockMisuse.Create(
                    this,
                    Name,
                    Kind,
                    LockMode.Exclusive,
                    "Scope.Dispose",
                    "the scope was already disposed, or the calling thread does not hold the lock it took");
            }

            Release();
        }

        private void Release()
        {
            if (LockValidator.s_enabled)
            {
                LockValidator.Released(this, LockMode.Exclusive);
            }

            _releases++;

            // Exchange is a full fence: either a new waiter sees the lock free, or this thread sees its count.
            Interlocked.Exchange(ref _owner, 0);
            if (Volatile.Read(ref _waiters) != 0)
            {
                lock (_gate)
                {
                    Monitor.PulseAll(_gate);
                }
            }
        }

        private bool EnterSlow(int thread, CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref _owner) == thread)
            {
                // Waiting would never end: the only thread that could release the lock is this one.
                throw LockMisuse.Create(this, Name, Kind, LockMode.Exclusive, "Enter", "the calling thread already holds it and MutexLock is not recursive");
            }

            var spin = default(SpinWait);
            while (!spin.NextSpinWillYield)
            {
                spin.SpinOnce();
                if (Volatile.Read(ref _owner) == 0 && Interlocked.CompareExchange(ref _owner, thread, 0) == 0)
                {
                    return true;
                }
            }

            CancellationTokenRegistration registration = default;
            if (cancellationToken.CanBeCanceled)
            {
                registration = cancellationToken.Register(WakeAll, _gate);
            }

            try
            {
                Interlocked.Increment(ref _waiters);
                try
                {
                    lock (_gate)
                    {
                        while (Interlocked.CompareExchange(ref _owner, thread, 0) != 0)
                        {
                            if (cancellationToken.IsCancellationRequested)
                            {
                                return false;
                            }

                            Monitor.Wait(_gate);
                        }

                        return true;
                    }
                }
                finally
                {
                    Interlocked.Decrement(ref _waiters);
                }
            }
            finally
            {
                // Outside the monitor: disposing waits for a running callback, and the callback takes the monitor.
                registration.Dispose();
            }
        }

        private static void WakeAll(object? gate)
        {
            lock (gate!)
            {
                Monitor.PulseAll(gate!);
            }
        }
    }
}

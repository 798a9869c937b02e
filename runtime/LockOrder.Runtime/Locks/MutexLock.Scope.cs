using System;
using System.Threading;

namespace LockOrder
{
    public abstract partial class MutexLock
    {
        /// <summary>A held <see cref="MutexLock"/>; disposing it releases the lock exactly once.</summary>
        public struct Scope : IDisposable
        {
            private readonly MutexLock? _lock;

            // Set by the first disposal; a copy of the scope disposed later still finds the lock's own checks.
            private bool _disposed;
            private readonly int _releasesAtAcquisition;

            internal Scope(MutexLock mutex, int releasesAtAcquisition)
            {
                _lock = mutex;
                _releasesAtAcquisition = releasesAtAcquisition;
            }

            /// <summary>Releases the lock.</summary>
            /// <exception cref="SynchronizationLockException">The scope was already disposed, was never obtained from <see cref="Lock"/>, or is disposed by a thread that does not hold the lock.</exception>
            public void Dispose()
            {
                var mutex = _lock;
                if (mutex is null)
                {
                    throw new SynchronizationLockException(
                        "Dispose of a default(Scope): it holds no lock; obtain scopes from MutexLock.Lock().");
                }

                if (_disposed)
                {
                    throw LockMisuse.Create(mutex, mutex.Name, "MutexLock", LockMode.Exclusive, "Scope.Dispose", "the scope was already disposed");
                }

                _disposed = true;
                mutex.ExitScope(_releasesAtAcquisition);
            }
        }
    }
}

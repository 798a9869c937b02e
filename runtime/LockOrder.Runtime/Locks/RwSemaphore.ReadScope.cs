using System;
using System.Threading;

namespace LockOrder
{
    public abstract partial class RwSemaphore
    {
        /// <summary>A read hold on an <see cref="RwSemaphore"/>; disposing it releases the hold exactly once.</summary>
        public struct ReadScope : IDisposable
        {
            private readonly RwSemaphore? _semaphore;

            // Set by the first disposal; a copy of the scope disposed later still finds the lock's own checks.
            private bool _disposed;

            internal ReadScope(RwSemaphore semaphore) => _semaphore = semaphore;

            /// <summary>Releases the read hold.</summary>
            /// <exception cref="SynchronizationLockException">The scope was already disposed, was never obtained from <see cref="Read"/>, or is disposed by a thread that holds no read.</exception>
            public void Dispose()
            {
                var semaphore = _semaphore;
                if (semaphore is null)
                {
                    throw new SynchronizationLockException(
                        "Dispose of a default(ReadScope): it holds no lock; obtain scopes from RwSemaphore.Read().");
                }

                if (_disposed)
                {
                    throw LockMisuse.Create(semaphore, semaphore.Name, "RwSemaphore", LockMode.Shared, "ReadScope.Dispose", "the scope was already disposed");
                }

                _disposed = true;
                semaphore.ExitReadScope();
            }
        }
    }
}

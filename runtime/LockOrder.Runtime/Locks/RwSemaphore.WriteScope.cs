using System;
using System.Threading;

namespace LockOrder
{
    public abstract partial class RwSemaphore
    {
        /// <summary>A write hold on an <see cref="RwSemaphore"/>; disposing it releases the hold exactly once.</summary>
        public struct WriteScope : IDisposable
        {
            private readonly RwSemaphore? _semaphore;

            // Set by the first disposal; a copy of the scope disposed later still finds the lock's own checks.
            private bool _disposed;
            private readonly int _writeReleasesAtAcquisition;

            internal WriteScope(RwSemaphore semaphore, int writeReleasesAtAcquisition)
            {
                _semaphore = semaphore;
                _writeReleasesAtAcquisition = writeReleasesAtAcquisition;
            }

            /// <summary>Releases the write hold.</summary>
            /// <exception cref="SynchronizationLockException">The scope was already disposed, was never obtained from <see cref="Write"/>, or is disposed by a thread that does not own the write hold.</exception>
            public void Dispose()
            {
                var semaphore = _semaphore;
                if (semaphore is null)
                {
                    throw new SynchronizationLockException(
                        "Dispose of a default(WriteScope): it holds no lock; obtain scopes from RwSemaphore.Write().");
                }

                if (_disposed)
                {
                    throw LockMisuse.Create(semaphore, semaphore.Name, "RwSemaphore", LockMode.Exclusive, "WriteScope.Dispose", "the scope was already disposed");
                }

                _disposed = true;
                semaphore.ExitWriteScope(_writeReleasesAtAcquisition);
            }
        }
    }
}

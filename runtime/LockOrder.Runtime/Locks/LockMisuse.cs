using System;
using System.Threading;

namespace LockOrder
{
    /// <summary>
    /// Builds the exceptions thrown when a lock is used wrongly. Every message names the lock and the mode, because
    /// the thread that reads it is usually not the one that made the mistake visible.
    /// </summary>
    internal static class LockMisuse
    {
        internal static SynchronizationLockException Create(string lockName, string lockKind, LockMode mode, string operation, string problem)
        {
            return new SynchronizationLockException(
                $"{operation} on {lockKind} '{lockName}' ({ModeName(mode)}): {problem} (thread {Environment.CurrentManagedThreadId}).");
        }

        internal static string ModeName(LockMode mode) => mode == LockMode.Exclusive ? "exclusive" : "shared";
    }
}

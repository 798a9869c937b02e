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
        internal static SynchronizationLockException Create(object lockObject, string lockName, string lockKind, LockMode mode, string operation, string problem)
        {
            // The class is what the order is declared on; a custom name only tells instances apart.
            string className = lockObject.GetType().Name;
            string shown = lockName == className ? className : $"{className}: {lockName}";
            return new SynchronizationLockException(
                $"{operation} on {lockKind} '{shown}' ({ModeName(mode)}): {problem} (thread {Environment.CurrentManagedThreadId}).");
        }

        internal static string ModeName(LockMode mode) => mode == LockMode.Exclusive ? "exclusive" : "shared";
    }
}

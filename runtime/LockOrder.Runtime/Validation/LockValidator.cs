using System;

namespace LockOrder
{
    /// <summary>
    /// Lockdep for .NET: when enabled, every acquisition through the LockOrder lock types is checked before it
    /// blocks, and a possible deadlock throws <see cref="LockOrderViolationException"/>. Off by default.
    /// </summary>
    public static class LockValidator
    {
        // Read by every acquisition and release: with validation off this is the whole cost, one predictable branch.
        internal static bool s_enabled;

        internal static void BeforeBlockingAcquire(object lockObject, LockMode mode)
        {
        }

        internal static void Acquired(object lockObject, LockMode mode, bool blocking)
        {
        }

        internal static void Released(object lockObject, LockMode mode)
        {
        }

        internal static void Downgraded(object lockObject)
        {
        }

        /// <summary>Turns validation on for every thread.</summary>
        public static void Enable() => throw new NotImplementedException();

        /// <summary>Turns validation off.</summary>
        public static void Disable() => throw new NotImplementedException();

        /// <summary>Whether validation is on.</summary>
        public static bool IsEnabled => false;

        /// <summary>Forgets every lock order observed so far.</summary>
        public static void Reset() => throw new NotImplementedException();

        /// <summary>Call at the top of any method that touches user memory: it may page-fault and so take <see cref="MmapLock"/> for read.</summary>
        [MightFault]
        public static void MightFault()
        {
        }
    }
}

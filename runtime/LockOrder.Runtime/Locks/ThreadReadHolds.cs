using System;

namespace LockOrder
{
    /// <summary>
    /// The read holds of the current thread. An <see cref="RwSemaphore"/> counts readers, not who they are; this
    /// per-thread record is what lets a read release by a thread that holds no read (a scope disposed twice, an
    /// unpaired exit) fail loudly instead of silently releasing some other thread's hold.
    /// </summary>
    internal sealed class ThreadReadHolds
    {
        [ThreadStatic]
        private static ThreadReadHolds? t_current;

        private RwSemaphore[] _holds = new RwSemaphore[4];
        private int _count;

        internal static void Add(RwSemaphore semaphore)
        {
            var holds = t_current ??= new ThreadReadHolds();
            if (holds._count == holds._holds.Length)
            {
                Array.Resize(ref holds._holds, holds._count * 2);
            }

            holds._holds[holds._count++] = semaphore;
        }

        /// <summary>Forgets one read hold of <paramref name="semaphore"/>; false when the thread holds none.</summary>
        internal static bool Remove(RwSemaphore semaphore)
        {
            var holds = t_current;
            if (holds is null)
            {
                return false;
            }

            // Most releases undo the latest acquisition: that case is a compare and a decrement.
            int top = holds._count - 1;
            if (top >= 0 && ReferenceEquals(holds._holds[top], semaphore))
            {
                holds._holds[top] = null!;
                holds._count = top;
                return true;
            }

            for (int i = top - 1; i >= 0; i--)
            {
                if (ReferenceEquals(holds._holds[i], semaphore))
                {
                    holds._count--;
                    Array.Copy(holds._holds, i + 1, holds._holds, i, holds._count - i);
                    holds._holds[holds._count] = null!;
                    return true;
                }
            }

            return false;
        }

        internal static bool Contains(RwSemaphore semaphore)
        {
            var holds = t_current;
            if (holds is null)
            {
                return false;
            }

            for (int i = holds._count - 1; i >= 0; i--)
            {
                if (ReferenceEquals(holds._holds[i], semaphore))
                {
                    return true;
                }
            }

            return false;
        }
    }
}

using System.Runtime.CompilerServices;
using System.Threading;

namespace LockOrder.Benchmarks.LockCost
{
    /// <summary>
    /// The measured loops: each iteration is one uncontended acquisition and release around a trivial critical
    /// section. Returning the sum keeps the loop alive; the lock calls themselves are interlocked operations the JIT
    /// cannot remove. Not inlined, so every case is compiled on its own and none is optimised into its caller.
    /// </summary>
    internal static class LockLoops
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        internal static long Empty(long iterations)
        {
            long sum = 0;
            for (long i = 0; i < iterations; i++)
            {
                sum += i;
            }

            return sum;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal static long ReaderWriterLockSlimRead(ReaderWriterLockSlim rw, long iterations)
        {
            long sum = 0;
            for (long i = 0; i < iterations; i++)
            {
                rw.EnterReadLock();
                sum += i;
                rw.ExitReadLock();
            }

            return sum;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal static long ReaderWriterLockSlimWrite(ReaderWriterLockSlim rw, long iterations)
        {
            long sum = 0;
            for (long i = 0; i < iterations; i++)
            {
                rw.EnterWriteLock();
                sum += i;
                rw.ExitWriteLock();
            }

            return sum;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal static long MemoryLockRead(MemoryLock memory, long iterations)
        {
            long sum = 0;
            for (long i = 0; i < iterations; i++)
            {
                memory.EnterRead();
                sum += i;
                memory.ExitRead();
            }

            return sum;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal static long MemoryLockReadScope(MemoryLock memory, long iterations)
        {
            long sum = 0;
            for (long i = 0; i < iterations; i++)
            {
                using (memory.Read())
                {
                    sum += i;
                }
            }

            return sum;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal static long MemoryLockWrite(MemoryLock memory, long iterations)
        {
            long sum = 0;
            for (long i = 0; i < iterations; i++)
            {
                memory.EnterWrite();
                sum += i;
                memory.ExitWrite();
            }

            return sum;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal static long ThreadingLock(Lock gate, long iterations)
        {
            long sum = 0;
            for (long i = 0; i < iterations; i++)
            {
                gate.Enter();
                sum += i;
                gate.Exit();
            }

            return sum;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal static long ThreadingLockScope(Lock gate, long iterations)
        {
            long sum = 0;
            for (long i = 0; i < iterations; i++)
            {
                using (gate.EnterScope())
                {
                    sum += i;
                }
            }

            return sum;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal static long VmaLockEnterExit(VmaLock vma, long iterations)
        {
            long sum = 0;
            for (long i = 0; i < iterations; i++)
            {
                vma.Enter();
                sum += i;
                vma.Exit();
            }

            return sum;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal static long VmaLockScope(VmaLock vma, long iterations)
        {
            long sum = 0;
            for (long i = 0; i < iterations; i++)
            {
                using (vma.Lock())
                {
                    sum += i;
                }
            }

            return sum;
        }
    }
}

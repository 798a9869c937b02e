namespace LockOrder.Benchmarks.Generation
{
    /// <summary>
    /// The BCL locks a generated class holds, one field each, numbered in the order every generated nest takes them
    /// within a class (a class's locks all come before the next class's).
    /// </summary>
    internal enum BclPrimitive
    {
        /// <summary><c>private static readonly object s_registryLock</c>: one monitor for every instance.</summary>
        StaticMonitor = 0,

        /// <summary><c>private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1)</c>: the async mutex, so it comes before every thread-affine lock.</summary>
        Semaphore = 1,

        /// <summary><c>private readonly object _sync</c>.</summary>
        Monitor = 2,

        /// <summary><c>private readonly ReaderWriterLockSlim _rw</c> (no recursion).</summary>
        ReaderWriter = 3,

        /// <summary><c>private readonly Lock _lock</c> (<c>System.Threading.Lock</c>).</summary>
        Lock = 4,

        /// <summary><c>private readonly Mutex _mutex</c>.</summary>
        Mutex = 5,

        /// <summary><c>private SpinLock _spin</c> (a mutable struct field, never <c>readonly</c>).</summary>
        SpinLock = 6,
    }
}

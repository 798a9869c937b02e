namespace LockOrder.Benchmarks.Generation
{
    /// <summary>One acquisition of a BCL lock in a generated method: which of its class's locks, and in which form.</summary>
    internal sealed class BclLockStep : LockStep
    {
        /// <summary>Lock ranks per generated class: one per <see cref="BclPrimitive"/>.</summary>
        internal const int RanksPerClass = 7;

        internal BclLockStep(int classIndex, BclPrimitive primitive, BclForm form)
            : base((classIndex * RanksPerClass) + (int)primitive)
        {
            Primitive = primitive;
            Form = form;
        }

        internal BclPrimitive Primitive { get; }

        internal BclForm Form { get; }

        // DESIGN §11: monitors, Lock and Mutex are re-entrant; SemaphoreSlim, ReaderWriterLockSlim without recursion and SpinLock are not.
        internal override bool Reentrant => Primitive is BclPrimitive.StaticMonitor or BclPrimitive.Monitor or BclPrimitive.Lock or BclPrimitive.Mutex;

        // SemaphoreSlim has no owner thread: it is the lock an async method may hold across await.
        internal override bool ThreadAffine => Primitive != BclPrimitive.Semaphore;
    }
}

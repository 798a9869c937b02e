namespace LockOrder.Benchmarks.Generation
{
    /// <summary>What the generated code looks like, which decides how much of it the analyzer has to reason about.</summary>
    internal enum CodeShape
    {
        /// <summary>Every device method takes one to three LockOrder locks; a share of them touch user memory.</summary>
        LockHeavy,

        /// <summary>Ordinary application code: a few methods take a lock, almost none touch user memory.</summary>
        Ordinary,

        /// <summary>Every method takes one to three of the locks the BCL gives (<c>lock</c>, Monitor, SemaphoreSlim, ReaderWriterLockSlim, Lock, Mutex, SpinLock), some of them in async methods.</summary>
        BclLockHeavy,

        /// <summary>Ordinary application code in which a few methods take a BCL lock.</summary>
        BclOrdinary,
    }
}

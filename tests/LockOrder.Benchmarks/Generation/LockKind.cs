namespace LockOrder.Benchmarks.Generation
{
    /// <summary>The three lock classes of the device model, numbered in their declared order MmapLock → VmaLock → MemoryLock.</summary>
    internal enum LockKind
    {
        Mmap = 0,
        Vma = 1,
        Memory = 2,
    }
}

namespace LockOrder.Benchmarks.Generation
{
    /// <summary>Where in the caller a generated call sits relative to the caller's locks.</summary>
    internal enum CallPlacement
    {
        BeforeLocks,
        UnderLock,
        AfterLocks,
    }
}

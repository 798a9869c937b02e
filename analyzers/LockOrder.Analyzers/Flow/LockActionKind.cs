namespace LockOrder.Analyzers.Flow
{
    /// <summary>What one lock contract of a called member does to the caller's held set.</summary>
    internal enum LockActionKind
    {
        Acquire,
        TryAcquire,
        Release,
        Requires,
        Excludes,
    }
}

namespace LockOrder.Analyzers.Model
{
    /// <summary>The lock contract attributes a method can carry.</summary>
    internal enum LockContractKind
    {
        Acquires,
        TryAcquires,
        Releases,
        Requires,
        Excludes,
        MayAcquire,
    }
}

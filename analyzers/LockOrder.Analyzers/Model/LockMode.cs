namespace LockOrder.Analyzers.Model
{
    /// <summary>The analyzer's mirror of <c>LockOrder.LockMode</c> (same values), which it cannot reference.</summary>
    internal enum LockMode
    {
        Shared = 0,
        Exclusive = 1,
    }
}

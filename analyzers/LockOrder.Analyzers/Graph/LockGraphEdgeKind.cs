namespace LockOrder.Analyzers.Graph
{
    /// <summary>Where an edge of the lock graph comes from.</summary>
    internal enum LockGraphEdgeKind
    {
        /// <summary><c>[AcquiredBefore]</c> or <c>[AcquiredAfter]</c>.</summary>
        Declared,

        /// <summary>A blocking acquisition (direct or through a call) made while the other lock was held.</summary>
        Observed,
    }
}

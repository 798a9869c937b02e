namespace LockOrder.Benchmarks.Generation
{
    /// <summary>How generated code takes and releases a lock; the analyzer must follow all three through the flow graph.</summary>
    internal enum AcquisitionStyle
    {
        /// <summary><c>using (x.Read()) { ... }</c></summary>
        Scope,

        /// <summary><c>x.Enter(); try { ... } finally { x.Exit(); }</c></summary>
        EnterTryFinally,

        /// <summary><c>x.Enter(); ... x.Exit();</c> with straight-line code in between.</summary>
        EnterExit,
    }
}

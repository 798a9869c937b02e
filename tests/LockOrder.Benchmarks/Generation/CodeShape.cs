namespace LockOrder.Benchmarks.Generation
{
    /// <summary>What the generated code looks like, which decides how much of it the analyzer has to reason about.</summary>
    internal enum CodeShape
    {
        /// <summary>Every device method takes one to three LockOrder locks; a share of them touch user memory.</summary>
        LockHeavy,

        /// <summary>Ordinary application code: a few methods take a lock, almost none touch user memory.</summary>
        Ordinary,
    }
}

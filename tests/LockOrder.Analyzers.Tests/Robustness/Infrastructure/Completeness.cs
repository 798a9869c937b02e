namespace LockOrder.Analyzers.Tests.Robustness.Infrastructure
{
    /// <summary>Whether an input lies inside the analysis bounds, may cross one, or is built to cross one.</summary>
    internal enum Completeness
    {
        /// <summary>Inside every bound: every marked diagnostic, and no LOCK011.</summary>
        Complete,

        /// <summary>May cross a bound (depending on the order the analysis meets things): marked diagnostics may be missing, but only with LOCK011.</summary>
        MayBeIncomplete,

        /// <summary>Crosses a bound by construction: LOCK011 is required; marked diagnostics may be missing.</summary>
        MustBeIncomplete,
    }
}

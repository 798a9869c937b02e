namespace LockOrder.Analyzers.Model
{
    /// <summary>
    /// The analyzer's mirror of <c>LockOrder.LockMode</c> (same values for the two modes attributes can name), plus the
    /// upgradeable read mode of <c>ReaderWriterLockSlim</c>, which no attribute names.
    /// </summary>
    internal enum LockMode
    {
        Shared = 0,
        Exclusive = 1,

        /// <summary><c>EnterUpgradeableReadLock</c>: a read that may become a write without letting go.</summary>
        Upgradeable = 2,
    }
}

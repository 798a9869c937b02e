namespace LockOrder.Analyzers.Model
{
    /// <summary>Comparisons of <see cref="LockMode"/>s: shared, then upgradeable, then exclusive.</summary>
    internal static class LockModes
    {
        /// <summary>The stronger of two modes a lock is held in at once, or on two paths that meet.</summary>
        internal static LockMode Stronger(LockMode left, LockMode right) => Rank(left) >= Rank(right) ? left : right;

        private static int Rank(LockMode mode) => mode switch
        {
            LockMode.Shared => 0,
            LockMode.Upgradeable => 1,
            _ => 2,
        };
    }
}

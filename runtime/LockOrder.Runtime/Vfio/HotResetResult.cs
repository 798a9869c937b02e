namespace LockOrder.Vfio
{
    /// <summary>Outcome of a bus (hot) reset of several devices.</summary>
    public enum HotResetResult
    {
        /// <summary>Every device was zapped, locked and reset.</summary>
        Completed,

        /// <summary>Some lock was contended (<c>-EBUSY</c>); nothing was reset and nothing is left locked.</summary>
        Busy,
    }
}

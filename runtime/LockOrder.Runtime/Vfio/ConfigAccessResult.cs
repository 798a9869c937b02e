namespace LockOrder.Vfio
{
    /// <summary>Outcome of a config-space read or write through the device file.</summary>
    public enum ConfigAccessResult
    {
        /// <summary>The access was done; writes to read-only registers are dropped, as the hardware does.</summary>
        Completed,

        /// <summary>The user buffer could not be read or written (<c>-EFAULT</c>).</summary>
        UserFault,
    }
}

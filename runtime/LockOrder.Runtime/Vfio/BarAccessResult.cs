namespace LockOrder.Vfio
{
    /// <summary>Outcome of a BAR read or write through the device file (the model's <c>vfio_pci_bar_rw</c>).</summary>
    public enum BarAccessResult
    {
        /// <summary>Every byte was transferred.</summary>
        Completed,

        /// <summary>Memory decoding was disabled at a device access (<c>-EIO</c>); bytes before it may have been transferred.</summary>
        MemoryDisabled,

        /// <summary>The user buffer could not be read or written (<c>-EFAULT</c>).</summary>
        UserFault,
    }
}

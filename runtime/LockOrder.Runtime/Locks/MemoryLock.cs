namespace LockOrder
{
    /// <summary>
    /// A device's <c>vdev-&gt;memory_lock</c>: guards the memory-enable bit of the PCI command register. Readers
    /// access the device's memory; the writer turns memory on or off. While it is write-held, user memory must not
    /// be touched: the resulting page fault would need this same lock for read.
    /// </summary>
    public sealed class MemoryLock : RwSemaphore
    {
        /// <summary>Creates an unlocked <see cref="MemoryLock"/>.</summary>
        public MemoryLock()
        {
        }
    }
}

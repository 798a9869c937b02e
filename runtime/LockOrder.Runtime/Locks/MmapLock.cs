namespace LockOrder
{
    /// <summary>
    /// An address space's <c>mm-&gt;mmap_lock</c>: guards its mappings. A page fault holds it for read, so any code
    /// that touches user memory may take it — which is why it comes first in the order.
    /// </summary>
    [AcquiredBefore(typeof(VmaLock))]
    public sealed class MmapLock : RwSemaphore
    {
        /// <summary>Creates an unlocked <see cref="MmapLock"/>.</summary>
        public MmapLock()
        {
        }
    }
}

namespace LockOrder
{
    /// <summary>
    /// A device's <c>vdev-&gt;vma_lock</c>: guards the list of its mappings that have pages present. Taken by the
    /// fault handler under <see cref="MmapLock"/>, so a path that needs an <see cref="MmapLock"/> while holding it
    /// must drop it first.
    /// </summary>
    [AcquiredBefore(typeof(MemoryLock))]
    public sealed class VmaLock : MutexLock
    {
        /// <summary>Creates an unlocked <see cref="VmaLock"/>.</summary>
        public VmaLock()
        {
        }
    }
}

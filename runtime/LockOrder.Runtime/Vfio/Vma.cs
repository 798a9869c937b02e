using System;
using System.Threading;

namespace LockOrder.Vfio
{
    /// <summary>
    /// A mapping of a device's BAR into an address space (a <c>vm_area_struct</c> with the device's <c>vm_ops</c>).
    /// The whole BAR is one page-table entry here: present (accesses go straight to the device) or not (the next
    /// access faults into <see cref="PciDevice.Fault"/>).
    /// </summary>
    public sealed class Vma
    {
        // The page-table lock (a leaf spinlock in the kernel): a user access through the mapping and a zap of it
        // are atomic with respect to each other, so no access can slip through after a zap has returned.
        private readonly object _pageTableLock = new object();

        private bool _pagePresent;
        private int _mapCount;

        // Guarded by the address space's MmapLock (written under it for write).
        private bool _mapped = true;

        internal Vma(PciDevice device, AddressSpace addressSpace)
        {
            Device = device;
            AddressSpace = addressSpace;
        }

        /// <summary>The device whose BAR is mapped.</summary>
        public PciDevice Device { get; }

        /// <summary>The address space the mapping lives in.</summary>
        public AddressSpace AddressSpace { get; }

        /// <summary>Length of the mapping in bytes (the BAR's size).</summary>
        public int Length => Device.BarSize;

        /// <summary>Whether the page is present right now (a snapshot; faults and zaps change it).</summary>
        public bool IsPagePresent
        {
            get
            {
                lock (_pageTableLock)
                {
                    return _pagePresent;
                }
            }
        }

        /// <summary>How many times a page was mapped into this vma; a fault that maps an already-mapped vma would be a bug.</summary>
        public int MapCount => Volatile.Read(ref _mapCount);

        /// <summary>Whether the mapping still exists (not unmapped, address space not torn down).</summary>
        public bool IsMapped => Volatile.Read(ref _mapped);

        /// <summary>A user buffer of <paramref name="length"/> bytes at <paramref name="offset"/> inside this mapping.</summary>
        public UserBuffer Buffer(int offset, int length)
        {
            if (offset < 0 || length < 0 || offset > Length - length)
            {
                throw new ArgumentOutOfRangeException(nameof(offset), $"[{offset}, +{length}) is outside the {Length}-byte mapping.");
            }

            return new UserBuffer(this, offset, length);
        }

        /// <summary>
        /// <c>munmap</c>: under the address space's <see cref="MmapLock"/> held for write, closes the mapping (the
        /// device forgets it and its page is zapped) and removes it from the address space.
        /// </summary>
        /// <returns><see langword="false"/> when it was already unmapped.</returns>
        public bool Unmap()
        {
            using (AddressSpace.MmapLock.Write())
            {
                if (!_mapped)
                {
                    return false;
                }

                Device.CloseVma(this);
                AddressSpace.RemoveMappingLocked(this);
                return true;
            }
        }

        /// <inheritdoc/>
        public override string ToString() => $"{Device.Name} BAR mapped in {AddressSpace.Name}";

        internal void MarkUnmapped() => Volatile.Write(ref _mapped, false);

        /// <summary>Fills the page-table entry; mapping a present page twice is the kernel's BUG_ON in remap_pfn_range.</summary>
        internal void MapPage()
        {
            lock (_pageTableLock)
            {
                if (_pagePresent)
                {
                    throw new InvalidOperationException($"{this}: the page is already present; a fault must not map a vma twice.");
                }

                _pagePresent = true;
                Interlocked.Increment(ref _mapCount);
            }
        }

        /// <summary>Clears the page-table entry; returns whether a page was present.</summary>
        internal bool ZapPage()
        {
            lock (_pageTableLock)
            {
                bool wasPresent = _pagePresent;
                _pagePresent = false;
                return wasPresent;
            }
        }

        /// <summary>A user access through the mapping: goes to the device only if the page is present.</summary>
        internal bool TryReadPresentPage(int offset, Span<byte> destination)
        {
            lock (_pageTableLock)
            {
                if (!_pagePresent)
                {
                    return false;
                }

                Device.AccessThroughMapping(offset, destination);
                return true;
            }
        }

        /// <summary>A user access through the mapping: goes to the device only if the page is present.</summary>
        internal bool TryWritePresentPage(int offset, ReadOnlySpan<byte> source)
        {
            lock (_pageTableLock)
            {
                if (!_pagePresent)
                {
                    return false;
                }

                Device.AccessThroughMapping(offset, source);
                return true;
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Threading;

namespace LockOrder.Vfio
{
    /// <summary>
    /// A vfio-pci device (<c>vfio_pci_core_device</c>) after the 2020 rework: a PCI command register whose
    /// memory-enable bit gates every access to the BAR, guarded by <see cref="MemoryLock"/>; the list of mappings
    /// with a page present, guarded by <see cref="VmaLock"/>; and the paths that fault pages in, zap them, and turn
    /// memory off and on.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The order is <see cref="MmapLock"/> → <see cref="LockOrder.VmaLock"/> → <see cref="LockOrder.MemoryLock"/>. The
    /// fault path is entered with the address space's <see cref="MmapLock"/> read-held and takes the other two in
    /// order. Every path that disables memory must first remove every mapping, which needs each address space's
    /// <see cref="MmapLock"/>: it walks the list under <see cref="VmaLock"/>, drops it to take the
    /// <see cref="MmapLock"/>, retakes it, zaps, and repeats; with the list empty and <see cref="VmaLock"/> still
    /// held it takes <see cref="MemoryLock"/> for write. User memory is never touched while
    /// <see cref="MemoryLock"/> or <see cref="VmaLock"/> is held: a copy can fault, and the fault needs them.
    /// </para>
    /// <para>
    /// Invariants: no page of the device is present while its memory is disabled; no BAR access succeeds while
    /// memory is disabled; every path finishes. <see cref="CheckInvariants"/> checks the first two.
    /// </para>
    /// </remarks>
    public sealed class PciDevice
    {
        /// <summary>Size of the modelled config space (the standard header).</summary>
        public const int ConfigSpaceSize = 64;

        /// <summary>Offset of the 16-bit command register in config space.</summary>
        public const int CommandRegisterOffset = 4;

        /// <summary>The command register's memory-space enable bit: the device decodes BAR accesses only while it is set.</summary>
        public const ushort CommandMemoryEnable = 0x0002;

        /// <summary>The widest single device access (an <c>ioread64</c>); BAR reads and writes are split into these.</summary>
        public const int DeviceAccessSize = 8;

        private const ushort VendorId = 0x1b36;
        private const ushort DeviceId = 0x0010;

        private readonly byte[] _bar;

        // Guarded by MemoryLock; read without it only for snapshots and for the access-time invariant check.
        private int _command = CommandMemoryEnable;

        // The kernel's vdev->vma_list: mappings with a page present. Guarded by VmaLock.
        private readonly List<Vma> _vmasWithPages = new List<Vma>();

        // Every live mapping of the device, for the invariant check. Guarded by VmaLock.
        private readonly HashSet<Vma> _mappings = new HashSet<Vma>();

        private long _mappedFaults;
        private long _sigBusFaults;
        private long _zappedPages;
        private long _resets;
        private long _accessesWhileDisabled;

        /// <summary>Creates a device with memory enabled and a zeroed BAR of <paramref name="barSize"/> bytes.</summary>
        public PciDevice(string name, int barSize = 64)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            if (barSize <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(barSize));
            }

            _bar = new byte[barSize];
        }

        /// <summary>A name for messages.</summary>
        public string Name { get; }

        /// <summary>Size of the device's memory BAR in bytes.</summary>
        public int BarSize => _bar.Length;

        /// <summary>The device's <c>vma_lock</c>: guards the list of mappings with a page present.</summary>
        public VmaLock VmaLock { get; } = new VmaLock();

        /// <summary>The device's <c>memory_lock</c>: guards the memory-enable bit; readers access the BAR, writers turn memory on or off.</summary>
        public MemoryLock MemoryLock { get; } = new MemoryLock();

        /// <summary>The command register right now (a snapshot).</summary>
        public ushort Command => (ushort)Volatile.Read(ref _command);

        /// <summary>Whether memory decoding is enabled right now (a snapshot).</summary>
        public bool IsMemoryEnabled => (Volatile.Read(ref _command) & CommandMemoryEnable) != 0;

        /// <summary>Faults that mapped a page.</summary>
        public long MappedFaults => Interlocked.Read(ref _mappedFaults);

        /// <summary>Faults answered with SIGBUS because memory was disabled.</summary>
        public long SigBusFaults => Interlocked.Read(ref _sigBusFaults);

        /// <summary>Present pages removed by zaps (memory disable, reset); unmaps are not counted.</summary>
        public long ZappedPages => Interlocked.Read(ref _zappedPages);

        /// <summary>Function and bus resets done.</summary>
        public long Resets => Interlocked.Read(ref _resets);

        /// <summary>Device accesses that reached the BAR while memory was disabled: always zero unless the locking is broken.</summary>
        public long AccessesWhileDisabled => Interlocked.Read(ref _accessesWhileDisabled);

        /// <summary>
        /// <c>mmap</c> of the BAR into <paramref name="space"/>, under its <see cref="MmapLock"/> held for write. No page
        /// is present until the first access faults it in.
        /// </summary>
        /// <returns>The mapping, or <see langword="null"/> when the address space has exited.</returns>
        public Vma? Mmap(AddressSpace space)
        {
            if (space is null)
            {
                throw new ArgumentNullException(nameof(space));
            }

            using (space.MmapLock.Write())
            {
                if (space.IsTornDownLocked())
                {
                    return null;
                }

                var vma = new Vma(this, space);
                using (VmaLock.Lock())
                {
                    _mappings.Add(vma);
                }

                space.AddMappingLocked(vma);
                return vma;
            }
        }

        /// <summary>
        /// The page-fault handler (<c>vm_ops-&gt;fault</c>). Entered with the vma's address space's
        /// <see cref="MmapLock"/> held; takes <see cref="VmaLock"/>, then <see cref="MemoryLock"/> for read; maps the
        /// page only if memory is enabled and the vma is not mapped already.
        /// </summary>
        /// <param name="vma">A live mapping of this device.</param>
        /// <param name="killSignal">Cancelled when the faulting task gets a fatal signal: a wait for a lock gives up and the fault returns <see cref="FaultResult.Killed"/>.</param>
        /// <exception cref="SynchronizationLockException">The calling thread does not hold the address space's <see cref="MmapLock"/>.</exception>
        [Requires(typeof(MmapLock), LockMode.Shared)]
        public FaultResult Fault(Vma vma, CancellationToken killSignal = default)
        {
            if (vma is null)
            {
                throw new ArgumentNullException(nameof(vma));
            }

            if (vma.Device != this)
            {
                throw new ArgumentException($"{vma} does not map {Name}.", nameof(vma));
            }

            var mmap = vma.AddressSpace.MmapLock;
            if (!ThreadReadHolds.Contains(mmap) && !mmap.IsWriteHeld)
            {
                throw new SynchronizationLockException(
                    $"Fault on {vma}: the calling thread must hold the address space's MmapLock, as the memory manager does when it calls the fault handler.");
            }

            if (!vma.IsMapped)
            {
                throw new InvalidOperationException($"Fault on {vma}: the mapping is gone, and it cannot go while MmapLock is held.");
            }

            if (!VmaLock.EnterKillable(killSignal))
            {
                return FaultResult.Killed;
            }

            try
            {
                if (!MemoryLock.EnterReadKillable(killSignal))
                {
                    return FaultResult.Killed;
                }

                try
                {
                    if (!IsMemoryEnabledLocked())
                    {
                        Interlocked.Increment(ref _sigBusFaults);
                        return FaultResult.SigBus;
                    }

                    // Two faults on one vma both get here; the second must find the first's work, not map again.
                    if (_vmasWithPages.Contains(vma))
                    {
                        return FaultResult.AlreadyMapped;
                    }

                    vma.MapPage();
                    _vmasWithPages.Add(vma);
                    Interlocked.Increment(ref _mappedFaults);
                    return FaultResult.Mapped;
                }
                finally
                {
                    MemoryLock.ExitRead();
                }
            }
            finally
            {
                VmaLock.Exit();
            }
        }

        /// <summary>
        /// Removes every present page of the device (<c>vfio_pci_zap_and_vma_lock</c>) and returns with
        /// <see cref="VmaLock"/> held and the list empty, so no fault can map a page until the caller drops it.
        /// </summary>
        /// <param name="tryOnly">Use only try-acquisitions: on any contention give up, holding nothing, and return <see langword="false"/>.</param>
        /// <returns><see langword="true"/> with <see cref="VmaLock"/> held and nothing mapped; <see langword="false"/> (only with <paramref name="tryOnly"/>) holding nothing.</returns>
        [TryAcquires(typeof(VmaLock), LockMode.Exclusive, Blocking = true)]
        public bool ZapAndLockVmas(bool tryOnly)
        {
            if (tryOnly)
            {
                if (!TryZapAndLockVmas())
                {
                    return false;
                }

                return true;
            }

            ZapAndLockVmasBlocking();
            return true;
        }

        /// <summary>
        /// Zaps every mapping and returns with <see cref="MemoryLock"/> held for write
        /// (<c>vfio_pci_zap_and_down_write_memory_lock</c>): the way into any path that disables memory.
        /// </summary>
        [Acquires(typeof(MemoryLock), LockMode.Exclusive)]
        public void ZapAndWriteLockMemory()
        {
            ZapAndLockVmasBlocking();

            // The list is empty and VmaLock held: no fault can map a page before memory is write-locked.
            MemoryLock.EnterWrite();
            VmaLock.Exit();
        }

        /// <summary>
        /// Takes <see cref="MemoryLock"/> for write and enables memory if it was off
        /// (<c>vfio_pci_memory_lock_and_enable</c>), for device-internal accesses that need it on. Enabling needs no
        /// zap: nothing can be mapped while memory is off.
        /// </summary>
        /// <returns>The command register as it was, for <see cref="UnlockMemoryAndRestore"/>.</returns>
        [Acquires(typeof(MemoryLock), LockMode.Exclusive)]
        public ushort LockMemoryAndEnable()
        {
            MemoryLock.EnterWrite();
            int saved = _command;
            Volatile.Write(ref _command, saved | CommandMemoryEnable);
            return (ushort)saved;
        }

        /// <summary>Restores the command register saved by <see cref="LockMemoryAndEnable"/> and releases <see cref="MemoryLock"/>.</summary>
        /// <exception cref="SynchronizationLockException"><see cref="MemoryLock"/> is not write-held.</exception>
        [Releases(typeof(MemoryLock), LockMode.Exclusive)]
        public void UnlockMemoryAndRestore(ushort command)
        {
            if (!MemoryLock.IsWriteHeld)
            {
                throw new SynchronizationLockException($"UnlockMemoryAndRestore on {Name}: MemoryLock is not write-held.");
            }

            Volatile.Write(ref _command, command);
            MemoryLock.ExitWrite();
        }

        /// <summary>
        /// A device-internal BAR access made with <see cref="MemoryLock"/> already held (e.g. between
        /// <see cref="LockMemoryAndEnable"/> and <see cref="UnlockMemoryAndRestore"/>).
        /// </summary>
        /// <returns><see langword="false"/> when memory is disabled and nothing was read.</returns>
        [Requires(typeof(MemoryLock), LockMode.Shared)]
        public bool ReadBarLocked(int offset, Span<byte> destination)
        {
            CheckBarRange(offset, destination.Length);
            if (!IsMemoryEnabledLocked())
            {
                return false;
            }

            DeviceRead(offset, destination);
            return true;
        }

        /// <summary>
        /// Writes config space from <paramref name="source"/> (<c>vfio_pci_config_rw</c>). The user data is copied in
        /// before any lock is taken. A write of the command register that clears the memory bit zaps every mapping and
        /// takes <see cref="MemoryLock"/> for write; one that leaves it set only takes the write lock. Writes to other
        /// registers are dropped (they are read-only in this model).
        /// </summary>
        [MightFault]
        public ConfigAccessResult WriteConfig(int offset, UserBuffer source)
        {
            if (source is null)
            {
                throw new ArgumentNullException(nameof(source));
            }

            CheckConfigRange(offset, source.Length);
            var data = new byte[source.Length];

            // Copy in first: the copy can fault, and the fault takes VmaLock and MemoryLock, which this path is about to take.
            if (!source.TryCopyFromUser(data))
            {
                return ConfigAccessResult.UserFault;
            }

            if (offset >= CommandRegisterOffset + 2 || offset + data.Length <= CommandRegisterOffset)
            {
                return ConfigAccessResult.Completed;
            }

            bool writesMemoryBit = offset <= CommandRegisterOffset;
            if (writesMemoryBit && (data[CommandRegisterOffset - offset] & CommandMemoryEnable) == 0)
            {
                // Turning memory off: no page may stay mapped, and zapping needs each MmapLock, so it comes first.
                ZapAndWriteLockMemory();
                try
                {
                    WriteCommandLocked(MergeCommand(_command, offset, data));
                }
                finally
                {
                    MemoryLock.ExitWrite();
                }
            }
            else
            {
                // Memory stays on (or is turned on): nothing mapped can become stale, so there is nothing to zap.
                using (MemoryLock.Write())
                {
                    WriteCommandLocked(MergeCommand(_command, offset, data));
                }
            }

            return ConfigAccessResult.Completed;
        }

        /// <summary>Reads config space into <paramref name="destination"/>; the copy out happens after the lock is released.</summary>
        [MightFault]
        public ConfigAccessResult ReadConfig(int offset, UserBuffer destination)
        {
            if (destination is null)
            {
                throw new ArgumentNullException(nameof(destination));
            }

            CheckConfigRange(offset, destination.Length);
            var data = new byte[destination.Length];
            using (MemoryLock.Read())
            {
                FillConfigLocked(offset, data);
            }

            // Copy out after the unlock: the copy can fault into this very device.
            return destination.TryCopyToUser(data) ? ConfigAccessResult.Completed : ConfigAccessResult.UserFault;
        }

        /// <summary>
        /// Reads the BAR into <paramref name="destination"/> (<c>vfio_pci_bar_rw</c>), one device access at a time:
        /// <see cref="MemoryLock"/> is held for read only around each access, and each chunk is copied to user memory
        /// after it is released — the buffer may be a mapping of this very BAR.
        /// </summary>
        [MightFault]
        public BarAccessResult ReadBar(int offset, UserBuffer destination)
        {
            if (destination is null)
            {
                throw new ArgumentNullException(nameof(destination));
            }

            CheckBarRange(offset, destination.Length);
            var chunk = new byte[DeviceAccessSize];
            int done = 0;
            while (done < destination.Length)
            {
                int count = Math.Min(DeviceAccessSize, destination.Length - done);
                using (MemoryLock.Read())
                {
                    if (!IsMemoryEnabledLocked())
                    {
                        return BarAccessResult.MemoryDisabled;
                    }

                    DeviceRead(offset + done, chunk.AsSpan(0, count));
                }

                // Outside the lock: if this copy faults into this BAR, the fault takes MemoryLock for read, and a second
                // read behind a queued writer would wait forever (the recursive-read bug of 2020).
                if (!destination.Slice(done, count).TryCopyToUser(chunk.AsSpan(0, count)))
                {
                    return BarAccessResult.UserFault;
                }

                done += count;
            }

            return BarAccessResult.Completed;
        }

        /// <summary>
        /// Writes <paramref name="source"/> to the BAR one device access at a time: each chunk is copied in from user
        /// memory before <see cref="MemoryLock"/> is taken for read around the access.
        /// </summary>
        [MightFault]
        public BarAccessResult WriteBar(int offset, UserBuffer source)
        {
            if (source is null)
            {
                throw new ArgumentNullException(nameof(source));
            }

            CheckBarRange(offset, source.Length);
            var chunk = new byte[DeviceAccessSize];
            int done = 0;
            while (done < source.Length)
            {
                int count = Math.Min(DeviceAccessSize, source.Length - done);

                // Copy in before the lock, for the same reason reads copy out after it.
                if (!source.Slice(done, count).TryCopyFromUser(chunk.AsSpan(0, count)))
                {
                    return BarAccessResult.UserFault;
                }

                using (MemoryLock.Read())
                {
                    if (!IsMemoryEnabledLocked())
                    {
                        return BarAccessResult.MemoryDisabled;
                    }

                    DeviceWrite(offset + done, chunk.AsSpan(0, count));
                }

                done += count;
            }

            return BarAccessResult.Completed;
        }

        /// <summary>
        /// Function reset (<c>VFIO_DEVICE_RESET</c>): zaps every mapping, resets the function under
        /// <see cref="MemoryLock"/> held for write (the BAR is cleared; config space is saved and restored around it,
        /// so the command register keeps its value), and releases the lock.
        /// </summary>
        public void Reset()
        {
            ZapAndWriteLockMemory();
            try
            {
                ResetFunctionState();
            }
            finally
            {
                MemoryLock.ExitWrite();
            }
        }

        /// <summary>
        /// Bus (hot) reset of several devices (<c>vfio_pci_dev_set_hot_reset</c>): each device is zapped and its
        /// <see cref="MemoryLock"/> write-locked, all with try-acquisitions, then all are reset together.
        /// </summary>
        /// <returns><see cref="HotResetResult.Busy"/> when any lock is contended; then nothing was reset and nothing stays locked.</returns>
        public static HotResetResult HotReset(IReadOnlyList<PciDevice> devices)
        {
            if (devices is null)
            {
                throw new ArgumentNullException(nameof(devices));
            }

            var distinct = new HashSet<PciDevice>();
            foreach (var device in devices)
            {
                if (device is null || !distinct.Add(device))
                {
                    throw new ArgumentException("Hot reset needs distinct, non-null devices.", nameof(devices));
                }
            }

            return HotResetFrom(devices, 0);
        }

        /// <summary>
        /// Checks, under <see cref="VmaLock"/> and <see cref="MemoryLock"/> (read), that no page is present while memory
        /// is disabled, that the list of mappings with pages matches the pages present, and that no device access ever
        /// reached the BAR while memory was disabled.
        /// </summary>
        /// <returns>One line per violation; empty when every invariant holds.</returns>
        public IReadOnlyList<string> CheckInvariants()
        {
            var problems = new List<string>();
            using (VmaLock.Lock())
            using (MemoryLock.Read())
            {
                bool enabled = IsMemoryEnabledLocked();
                foreach (var vma in _mappings)
                {
                    bool present = vma.IsPagePresent;
                    if (present && !enabled)
                    {
                        problems.Add($"{vma}: page present while memory is disabled");
                    }

                    if (present != _vmasWithPages.Contains(vma))
                    {
                        problems.Add($"{vma}: page {(present ? "present but not on" : "not present but on")} the device's list");
                    }
                }

                foreach (var vma in _vmasWithPages)
                {
                    if (!_mappings.Contains(vma))
                    {
                        problems.Add($"{vma}: closed but still on the device's list");
                    }
                }
            }

            long disabledAccesses = AccessesWhileDisabled;
            if (disabledAccesses != 0)
            {
                problems.Add($"{Name}: {disabledAccesses} device access(es) reached the BAR while memory was disabled");
            }

            return problems;
        }

        /// <inheritdoc/>
        public override string ToString() => Name;

        /// <summary>
        /// <c>vm_ops-&gt;close</c>, called by munmap and by address-space teardown with the address space's
        /// <see cref="MmapLock"/> held for write: the device forgets the mapping and its page goes away.
        /// </summary>
        [Requires(typeof(MmapLock), LockMode.Exclusive)]
        internal void CloseVma(Vma vma)
        {
            using (VmaLock.Lock())
            {
                _vmasWithPages.Remove(vma);
                vma.ZapPage();
                vma.MarkUnmapped();
                _mappings.Remove(vma);
            }
        }

        /// <summary>A user access through a present page of a mapping: straight to the device, no lock (the CPU does it).</summary>
        internal void AccessThroughMapping(int offset, Span<byte> destination) => DeviceRead(offset, destination);

        /// <summary>A user access through a present page of a mapping: straight to the device, no lock (the CPU does it).</summary>
        internal void AccessThroughMapping(int offset, ReadOnlySpan<byte> source) => DeviceWrite(offset, source);

        private static HotResetResult HotResetFrom(IReadOnlyList<PciDevice> devices, int index)
        {
            if (index == devices.Count)
            {
                // Every device is zapped and write-locked by the frames above this one.
                foreach (var device in devices)
                {
                    device.ResetFunctionState();
                }

                return HotResetResult.Completed;
            }

            // The devices' locks are instances of the same classes with no order between them, and other threads may
            // lock them in another order: only try-acquisitions, backing off with "busy".
            var current = devices[index];
            if (!current.TryZapAndLockVmas())
            {
                return HotResetResult.Busy;
            }

            if (!current.MemoryLock.TryEnterWrite())
            {
                current.VmaLock.Exit();
                return HotResetResult.Busy;
            }

            current.VmaLock.Exit();
            try
            {
                return HotResetFrom(devices, index + 1);
            }
            finally
            {
                current.MemoryLock.ExitWrite();
            }
        }

        /// <summary>The drop-and-retake zap loop with blocking acquisitions; returns with <see cref="VmaLock"/> held and nothing mapped.</summary>
        [Acquires(typeof(VmaLock), LockMode.Exclusive)]
        private void ZapAndLockVmasBlocking()
        {
            VmaLock.Enter();
            AddressSpace? space;
            while ((space = PinAddressSpaceToZapLocked()) != null)
            {
                // Faults take MmapLock then VmaLock: waiting for an MmapLock while holding VmaLock would be ABBA.
                VmaLock.Exit();
                space.MmapLock.EnterRead();
                VmaLock.Enter();
                ZapAddressSpaceLocked(space);
                VmaLock.Exit();
                space.MmapLock.ExitRead();
                space.Put();

                // Faults may have mapped pages while VmaLock was dropped: look at the list again.
                VmaLock.Enter();
            }

            // Nothing mapped and VmaLock held: no fault can map a page until the caller drops it.
        }

        /// <summary>The drop-and-retake zap loop with try-acquisitions only; never blocks.</summary>
        [TryAcquires(typeof(VmaLock), LockMode.Exclusive)]
        private bool TryZapAndLockVmas()
        {
            if (!VmaLock.TryEnter())
            {
                return false;
            }

            AddressSpace? space;
            while ((space = PinAddressSpaceToZapLocked()) != null)
            {
                VmaLock.Exit();
                if (!space.MmapLock.TryEnterRead())
                {
                    space.Put();
                    return false;
                }

                if (!VmaLock.TryEnter())
                {
                    space.MmapLock.ExitRead();
                    space.Put();
                    return false;
                }

                ZapAddressSpaceLocked(space);
                VmaLock.Exit();
                space.MmapLock.ExitRead();
                space.Put();
                if (!VmaLock.TryEnter())
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The address space of the first mapping with a page, pinned; <see langword="null"/> when the list is empty.
        /// Mappings of an address space without users are dropped from the list on the way: nobody can touch them any
        /// more, and their <see cref="MmapLock"/> belongs to the teardown now.
        /// </summary>
        [Requires(typeof(VmaLock), LockMode.Exclusive)]
        private AddressSpace? PinAddressSpaceToZapLocked()
        {
            while (_vmasWithPages.Count > 0)
            {
                var first = _vmasWithPages[0];
                if (first.AddressSpace.TryGet())
                {
                    return first.AddressSpace;
                }

                _vmasWithPages.RemoveAt(0);
                if (first.ZapPage())
                {
                    Interlocked.Increment(ref _zappedPages);
                }
            }

            return null;
        }

        /// <summary>Zaps every present page of the device in <paramref name="space"/>, whose <see cref="MmapLock"/> the caller holds.</summary>
        [Requires(typeof(MmapLock), LockMode.Shared)]
        [Requires(typeof(VmaLock), LockMode.Exclusive)]
        internal void ZapAddressSpaceLocked(AddressSpace space)
        {
            for (int i = _vmasWithPages.Count - 1; i >= 0; i--)
            {
                var vma = _vmasWithPages[i];
                if (vma.AddressSpace != space)
                {
                    continue;
                }

                _vmasWithPages.RemoveAt(i);
                if (vma.ZapPage())
                {
                    Interlocked.Increment(ref _zappedPages);
                }
            }
        }

        // Needs MemoryLock write-held by the caller; not a [Requires] because the bus reset holds every device's lock
        // in the frames above the one that calls it, where no flow analysis can see them. Checked at run time instead.
        private void ResetFunctionState()
        {
            if (!MemoryLock.IsWriteHeld)
            {
                throw new SynchronizationLockException($"Reset of {Name}: MemoryLock must be write-held.");
            }

            Array.Clear(_bar, 0, _bar.Length);
            Interlocked.Increment(ref _resets);
        }

        /// <summary>Writes the command register; the caller holds <see cref="MemoryLock"/> for write (and has zapped if it turns memory off).</summary>
        [Requires(typeof(MemoryLock), LockMode.Exclusive)]
        internal void WriteCommandLocked(int command) => Volatile.Write(ref _command, command & 0xFFFF);

        [Requires(typeof(MemoryLock), LockMode.Shared)]
        private bool IsMemoryEnabledLocked() => (_command & CommandMemoryEnable) != 0;

        [Requires(typeof(MemoryLock), LockMode.Shared)]
        private void FillConfigLocked(int offset, byte[] data)
        {
            Span<byte> header = stackalloc byte[ConfigSpaceSize];
            header.Clear();
            header[0] = (byte)(VendorId & 0xFF);
            header[1] = (byte)(VendorId >> 8);
            header[2] = (byte)(DeviceId & 0xFF);
            header[3] = (byte)(DeviceId >> 8);
            header[CommandRegisterOffset] = (byte)_command;
            header[CommandRegisterOffset + 1] = (byte)(_command >> 8);
            header.Slice(offset, data.Length).CopyTo(data);
        }

        private static int MergeCommand(int command, int offset, byte[] data)
        {
            for (int i = 0; i < data.Length; i++)
            {
                int register = offset + i;
                if (register == CommandRegisterOffset)
                {
                    command = (command & 0xFF00) | data[i];
                }
                else if (register == CommandRegisterOffset + 1)
                {
                    command = (command & 0x00FF) | (data[i] << 8);
                }
            }

            return command;
        }

        private void DeviceRead(int offset, Span<byte> destination)
        {
            RecordDeviceAccess();
            _bar.AsSpan(offset, destination.Length).CopyTo(destination);
        }

        private void DeviceWrite(int offset, ReadOnlySpan<byte> source)
        {
            RecordDeviceAccess();
            source.CopyTo(_bar.AsSpan(offset, source.Length));
        }

        // The hardware's view: an access while memory decoding is off is exactly what CVE-2020-12888 was about.
        private void RecordDeviceAccess()
        {
            if ((Volatile.Read(ref _command) & CommandMemoryEnable) == 0)
            {
                Interlocked.Increment(ref _accessesWhileDisabled);
            }
        }

        private void CheckBarRange(int offset, int length)
        {
            if (offset < 0 || length < 0 || offset > _bar.Length - length)
            {
                throw new ArgumentOutOfRangeException(nameof(offset), $"[{offset}, +{length}) is outside the {_bar.Length}-byte BAR of {Name}.");
            }
        }

        private static void CheckConfigRange(int offset, int length)
        {
            if (offset < 0 || length < 0 || offset > ConfigSpaceSize - length)
            {
                throw new ArgumentOutOfRangeException(nameof(offset), $"[{offset}, +{length}) is outside the {ConfigSpaceSize}-byte config space.");
            }
        }
    }
}

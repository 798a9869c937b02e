using System;
using System.Collections.Generic;
using System.Threading;

namespace LockOrder.Vfio
{
    /// <summary>
    /// A process's address space (an <c>mm_struct</c>): its <see cref="MmapLock"/>, its mappings, and a user count
    /// that pins it (<see cref="TryGet"/>/<see cref="Put"/>, like <c>mmget_not_zero</c>/<c>mmput</c>).
    /// </summary>
    /// <remarks>
    /// The process itself holds one user reference, dropped by <see cref="Exit"/>. Once the count is zero nobody can
    /// run in the address space any more: user copies fail and the device zap skips it, because taking its
    /// <see cref="MmapLock"/> would race with the teardown that <see cref="Exit"/> does.
    /// </remarks>
    public sealed class AddressSpace
    {
        // Guarded by MmapLock.
        private readonly List<Vma> _mappings = new List<Vma>();

        // Guarded by MmapLock (written under it for write, read under it).
        private bool _tornDown;

        private int _users = 1;
        private int _exitCalled;

        /// <summary>Creates a live address space whose process holds the one user reference.</summary>
        public AddressSpace(string name)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
        }

        /// <summary>A name for messages.</summary>
        public string Name { get; }

        /// <summary>The address space's <c>mmap_lock</c>; a page fault in it holds this for read.</summary>
        public MmapLock MmapLock { get; } = new MmapLock();

        /// <summary>Number of user references right now (the process's own one included until it exits).</summary>
        public int Users => Volatile.Read(ref _users);

        /// <summary>Whether <see cref="Exit"/> has been called.</summary>
        public bool HasExited => Volatile.Read(ref _exitCalled) != 0;

        /// <summary>Pins the address space if it still has users (<c>mmget_not_zero</c>); never blocks.</summary>
        /// <returns><see langword="false"/> when the count is already zero: the address space is exiting or gone.</returns>
        public bool TryGet()
        {
            while (true)
            {
                int users = Volatile.Read(ref _users);
                if (users == 0)
                {
                    return false;
                }

                if (Interlocked.CompareExchange(ref _users, users + 1, users) == users)
                {
                    return true;
                }
            }
        }

        /// <summary>Drops a pin taken by <see cref="TryGet"/> (<c>mmput</c>); never blocks.</summary>
        /// <exception cref="InvalidOperationException">More puts than gets.</exception>
        public void Put()
        {
            if (Interlocked.Decrement(ref _users) < 0)
            {
                Interlocked.Increment(ref _users);
                throw new InvalidOperationException($"AddressSpace '{Name}': Put without a matching TryGet.");
            }
        }

        /// <summary>Allocates <paramref name="length"/> bytes of ordinary (anonymous) memory in this address space.</summary>
        public UserBuffer Allocate(int length)
        {
            if (length < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(length));
            }

            return new UserBuffer(this, new byte[length]);
        }

        /// <summary>
        /// Process exit: drops the process's user reference, then tears down every mapping under
        /// <see cref="MmapLock"/> held for write (closing each device mapping, as <c>exit_mmap</c> does). Later calls do nothing.
        /// </summary>
        public void Exit()
        {
            if (Interlocked.Exchange(ref _exitCalled, 1) != 0)
            {
                return;
            }

            Put();
            using (MmapLock.Write())
            {
                _tornDown = true;
                foreach (var vma in _mappings)
                {
                    vma.Device.CloseVma(vma);
                }

                _mappings.Clear();
            }
        }

        /// <summary>The mappings right now, oldest first; the caller holds <see cref="MmapLock"/> so they cannot change.</summary>
        [Requires(typeof(MmapLock), LockMode.Shared)]
        public IReadOnlyList<Vma> MappingsLocked() => _mappings.ToArray();

        /// <summary>Whether the address space can take new mappings; the caller holds <see cref="MmapLock"/>.</summary>
        [Requires(typeof(MmapLock), LockMode.Shared)]
        internal bool IsTornDownLocked() => _tornDown;

        [Requires(typeof(MmapLock), LockMode.Exclusive)]
        internal void AddMappingLocked(Vma vma) => _mappings.Add(vma);

        [Requires(typeof(MmapLock), LockMode.Exclusive)]
        internal void RemoveMappingLocked(Vma vma) => _mappings.Remove(vma);

        /// <inheritdoc/>
        public override string ToString() => Name;
    }
}

using System;
using System.Threading;
using LockOrder.Vfio;

namespace LockOrder
{
    /// <summary>
    /// A range of user memory in an <see cref="Vfio.AddressSpace"/>: ordinary memory, or a range inside a device
    /// mapping. Copies may page-fault: each takes the address space's <see cref="MmapLock"/> for read, and when the
    /// range is in a device mapping whose page is not present it runs the device's fault handler, which takes the
    /// device's <see cref="VmaLock"/> and <see cref="MemoryLock"/>. That is why no copy may run under those locks.
    /// </summary>
    public sealed class UserBuffer
    {
        private readonly byte[]? _memory;
        private readonly int _offset;

        internal UserBuffer(AddressSpace addressSpace, byte[] memory)
            : this(addressSpace, memory, null, 0, memory.Length)
        {
        }

        internal UserBuffer(Vma mapping, int offset, int length)
            : this(mapping.AddressSpace, null, mapping, offset, length)
        {
        }

        private UserBuffer(AddressSpace addressSpace, byte[]? memory, Vma? mapping, int offset, int length)
        {
            AddressSpace = addressSpace;
            _memory = memory;
            Mapping = mapping;
            _offset = offset;
            Length = length;
        }

        /// <summary>The address space the buffer lives in.</summary>
        public AddressSpace AddressSpace { get; }

        /// <summary>The device mapping the buffer lies in, or <see langword="null"/> for ordinary memory.</summary>
        public Vma? Mapping { get; }

        /// <summary>Length of the buffer in bytes.</summary>
        public int Length { get; }

        /// <summary>The part of this buffer of <paramref name="length"/> bytes at <paramref name="offset"/>.</summary>
        public UserBuffer Slice(int offset, int length)
        {
            if (offset < 0 || length < 0 || offset > Length - length)
            {
                throw new ArgumentOutOfRangeException(nameof(offset), $"[{offset}, +{length}) is outside the {Length}-byte buffer.");
            }

            return new UserBuffer(AddressSpace, _memory, Mapping, _offset + offset, length);
        }

        /// <summary>Copies the start of the buffer into <paramref name="destination"/> (copy_from_user).</summary>
        /// <exception cref="UserMemoryFaultException">The copy failed: see <see cref="TryCopyFromUser(Span{byte}, CancellationToken)"/>.</exception>
        [MightFault]
        public void CopyFromUser(Span<byte> destination)
        {
            if (!TryCopyFromUser(destination, CancellationToken.None))
            {
                throw new UserMemoryFaultException($"copy from user memory in {Describe()} failed (EFAULT).");
            }
        }

        /// <summary>Copies <paramref name="source"/> into the start of the buffer (copy_to_user).</summary>
        /// <exception cref="UserMemoryFaultException">The copy failed: see <see cref="TryCopyToUser(ReadOnlySpan{byte}, CancellationToken)"/>.</exception>
        [MightFault]
        public void CopyToUser(ReadOnlySpan<byte> source)
        {
            if (!TryCopyToUser(source, CancellationToken.None))
            {
                throw new UserMemoryFaultException($"copy to user memory in {Describe()} failed (EFAULT).");
            }
        }

        /// <summary>Copies the start of the buffer into <paramref name="destination"/>; <see langword="false"/> (EFAULT) when it cannot.</summary>
        [MightFault]
        public bool TryCopyFromUser(Span<byte> destination) => TryCopyFromUser(destination, CancellationToken.None);

        /// <summary>Copies <paramref name="source"/> into the start of the buffer; <see langword="false"/> (EFAULT) when it cannot.</summary>
        [MightFault]
        public bool TryCopyToUser(ReadOnlySpan<byte> source) => TryCopyToUser(source, CancellationToken.None);

        /// <summary>
        /// Copies the start of the buffer into <paramref name="destination"/>, under the address space's
        /// <see cref="MmapLock"/> held for read, faulting device pages in as needed.
        /// </summary>
        /// <param name="destination">At most <see cref="Length"/> bytes.</param>
        /// <param name="killSignal">A fatal signal to the copying task: a wait for a lock gives up and the copy fails.</param>
        /// <returns>
        /// <see langword="false"/> (EFAULT) when the address space has no users left, the mapping is gone, the fault
        /// gets SIGBUS (the device's memory is disabled), or the task was killed while it waited.
        /// </returns>
        [MightFault]
        public bool TryCopyFromUser(Span<byte> destination, CancellationToken killSignal)
        {
            LockValidator.MightFault();
            CheckLength(destination.Length);
            if (!AddressSpace.TryGet())
            {
                return false;
            }

            try
            {
                if (!AddressSpace.MmapLock.EnterReadKillable(killSignal))
                {
                    return false;
                }

                try
                {
                    if (Mapping is null)
                    {
                        _memory.AsSpan(_offset, destination.Length).CopyTo(destination);
                        return true;
                    }

                    return ReadThroughMapping(Mapping, destination, killSignal);
                }
                finally
                {
                    AddressSpace.MmapLock.ExitRead();
                }
            }
            finally
            {
                AddressSpace.Put();
            }
        }

        /// <summary>
        /// Copies <paramref name="source"/> into the start of the buffer, under the address space's
        /// <see cref="MmapLock"/> held for read, faulting device pages in as needed.
        /// </summary>
        /// <param name="source">At most <see cref="Length"/> bytes.</param>
        /// <param name="killSignal">A fatal signal to the copying task: a wait for a lock gives up and the copy fails.</param>
        /// <returns><see langword="false"/> (EFAULT) in the cases listed on <see cref="TryCopyFromUser(Span{byte}, CancellationToken)"/>.</returns>
        [MightFault]
        public bool TryCopyToUser(ReadOnlySpan<byte> source, CancellationToken killSignal)
        {
            LockValidator.MightFault();
            CheckLength(source.Length);
            if (!AddressSpace.TryGet())
            {
                return false;
            }

            try
            {
                if (!AddressSpace.MmapLock.EnterReadKillable(killSignal))
                {
                    return false;
                }

                try
                {
                    if (Mapping is null)
                    {
                        source.CopyTo(_memory.AsSpan(_offset, source.Length));
                        return true;
                    }

                    return WriteThroughMapping(Mapping, source, killSignal);
                }
                finally
                {
                    AddressSpace.MmapLock.ExitRead();
                }
            }
            finally
            {
                AddressSpace.Put();
            }
        }

        /// <inheritdoc/>
        public override string ToString() => Describe();

        // Like the CPU: try the access; if the page is not present, fault it in and try again (a zap may race).
        [Requires(typeof(MmapLock), LockMode.Shared)]
        private bool ReadThroughMapping(Vma mapping, Span<byte> destination, CancellationToken killSignal)
        {
            while (true)
            {
                if (!mapping.IsMapped)
                {
                    return false;
                }

                if (mapping.TryReadPresentPage(_offset, destination))
                {
                    return true;
                }

                var fault = mapping.Device.Fault(mapping, killSignal);
                if (fault == FaultResult.SigBus || fault == FaultResult.Killed)
                {
                    return false;
                }
            }
        }

        [Requires(typeof(MmapLock), LockMode.Shared)]
        private bool WriteThroughMapping(Vma mapping, ReadOnlySpan<byte> source, CancellationToken killSignal)
        {
            while (true)
            {
                if (!mapping.IsMapped)
                {
                    return false;
                }

                if (mapping.TryWritePresentPage(_offset, source))
                {
                    return true;
                }

                var fault = mapping.Device.Fault(mapping, killSignal);
                if (fault == FaultResult.SigBus || fault == FaultResult.Killed)
                {
                    return false;
                }
            }
        }

        private void CheckLength(int length)
        {
            if (length > Length)
            {
                throw new ArgumentOutOfRangeException(nameof(length), $"{length} bytes do not fit the {Length}-byte buffer {Describe()}.");
            }
        }

        private string Describe() =>
            Mapping is null
                ? $"[{_offset}, +{Length}) of ordinary memory in {AddressSpace.Name}"
                : $"[{_offset}, +{Length}) of {Mapping}";
    }
}

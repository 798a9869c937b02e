using System;

namespace LockOrder
{
    /// <summary>A range of user memory in an address space. Copies may page-fault, which takes the address space's <see cref="MmapLock"/> for read.</summary>
    public sealed class UserBuffer
    {
        private UserBuffer() => throw new NotImplementedException();

        /// <summary>Copies the buffer's contents into <paramref name="destination"/> (copy_from_user).</summary>
        [MightFault]
        public void CopyFromUser(Span<byte> destination) => throw new NotImplementedException();

        /// <summary>Copies <paramref name="source"/> into the buffer (copy_to_user).</summary>
        [MightFault]
        public void CopyToUser(ReadOnlySpan<byte> source) => throw new NotImplementedException();
    }
}

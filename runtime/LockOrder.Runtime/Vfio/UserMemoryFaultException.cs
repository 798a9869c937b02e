using System;

namespace LockOrder.Vfio
{
    /// <summary>
    /// A copy from or to user memory failed (<c>-EFAULT</c>): the address space has exited, the mapping was
    /// unmapped, the device behind it has memory disabled (SIGBUS), or the task was killed while it faulted.
    /// </summary>
    public sealed class UserMemoryFaultException : Exception
    {
        /// <summary>Creates the exception with a message saying which buffer failed and why.</summary>
        public UserMemoryFaultException(string message)
            : base(message)
        {
        }
    }
}

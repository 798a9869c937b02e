using System.Buffers.Binary;
using LockOrder;

namespace BrokenDriver;

/// <summary>
/// A config-space write of the command register that copies the new value from user memory while MemoryLock is
/// write-held. If the user buffer is an mmap of this device's BAR, the copy faults, and the fault handler waits
/// for MemoryLock (read) behind this thread's own write hold. Copy the value in before taking the lock.
/// </summary>
public static class CommandRegisterWrite
{
    public static void Write(DriverDevice device, UserBuffer newValue)
    {
        using (device.MemoryLock.Write())
        {
            Span<byte> value = stackalloc byte[2];
            newValue.CopyFromUser(value); // expect: LOCK002
            device.Command = BinaryPrimitives.ReadUInt16LittleEndian(value);
        }
    }
}

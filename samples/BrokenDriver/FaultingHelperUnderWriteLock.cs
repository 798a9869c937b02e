using System.Buffers.Binary;
using LockOrder;

namespace BrokenDriver;

/// <summary>
/// A function reset that, with MemoryLock write-held, calls a small helper to read the reset options — and the
/// helper copies them from user memory. The page fault is one call away, which is exactly how it hides in
/// review. Read the options before taking the lock.
/// </summary>
public static class FaultingHelperUnderWriteLock
{
    public static void Reset(DriverDevice device, UserBuffer options)
    {
        using (device.MemoryLock.Write())
        {
            device.Command = 0;
            int delayMilliseconds = ReadResetDelay(options); // expect: LOCK002
            Thread.Sleep(delayMilliseconds);
        }
    }

    private static int ReadResetDelay(UserBuffer options)
    {
        Span<byte> raw = stackalloc byte[4];
        options.CopyFromUser(raw);
        return BinaryPrimitives.ReadInt32LittleEndian(raw);
    }
}

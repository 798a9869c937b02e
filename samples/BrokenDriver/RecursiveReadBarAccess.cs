using LockOrder;

namespace BrokenDriver;

/// <summary>
/// The BAR read that shipped in 2020 and was fixed one release later: MemoryLock is held for read across the
/// copy to user memory. When the user buffer is an mmap of the same BAR, the copy faults and the fault handler
/// takes MemoryLock for read again; with a writer queued in between, the fair semaphore makes that second read
/// wait for the writer, which waits for the first read. Hold the lock only around the device access.
/// </summary>
public static class RecursiveReadBarAccess
{
    public static void Read(DriverDevice device, int offset, UserBuffer destination)
    {
        using (device.MemoryLock.Read())
        {
            if (!device.MemoryEnabled)
            {
                throw new IOException("BAR access while memory decoding is disabled");
            }

            destination.CopyToUser(device.Bar.AsSpan(offset, 4)); // expect: LOCK003
        }
    }
}

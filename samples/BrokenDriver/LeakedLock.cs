namespace BrokenDriver;

/// <summary>
/// Enabling memory with explicit enter/exit calls, and an early return that forgets the exit: MemoryLock stays
/// write-held forever, and the next fault on the device hangs. A using scope releases on every path.
/// </summary>
public static class LeakedLock
{
    public static bool EnableMemory(DriverDevice device)
    {
        device.MemoryLock.EnterWrite(); // expect: LOCK005
        if (device.MemoryEnabled)
        {
            return false;
        }

        device.Command |= DriverDevice.MemoryEnableBit;
        device.MemoryLock.ExitWrite();
        return true;
    }
}

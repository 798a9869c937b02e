namespace BrokenDriver;

/// <summary>
/// A bus reset of two functions that takes both devices' MemoryLock for write, one after the other. Two
/// instances of one lock class have no order between them: another reset that lists the devices the other way
/// round takes them in the opposite order. vfio-pci's hot reset uses only try-acquisitions and returns "busy".
/// </summary>
public static class TwoDeviceReset
{
    public static void ResetBoth(DriverDevice first, DriverDevice second)
    {
        using (first.MemoryLock.Write())
        using (second.MemoryLock.Write()) // expect: LOCK004
        {
            first.Command = 0;
            second.Command = 0;
        }
    }
}

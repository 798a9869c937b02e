namespace BrokenDriver;

/// <summary>
/// Removing every mapping before memory is disabled, written the obvious way: walk the mappings under VmaLock
/// and take each address space's MmapLock while still holding it. A page fault holds MmapLock and then waits
/// for VmaLock, so the two threads wait for each other (ABBA). vfio-pci drops VmaLock, takes MmapLock, and
/// retakes VmaLock instead.
/// </summary>
public static class NaiveZap
{
    public static void ZapAll(DriverDevice device)
    {
        using (device.VmaLock.Lock())
        {
            foreach (Mapping mapping in device.Mappings)
            {
                using (mapping.AddressSpaceLock.Read()) // expect: LOCK001
                {
                    mapping.Unmap();
                }
            }

            device.Mappings.Clear();
        }
    }
}

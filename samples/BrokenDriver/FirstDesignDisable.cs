namespace BrokenDriver;

/// <summary>
/// The first design of vfio-pci's memory disable: take MemoryLock for write, clear the enable bit, then zap the
/// mappings — which needs each address space's MmapLock. A page fault holds MmapLock and waits for MemoryLock
/// (read): ABBA between the disable path and every fault on the device.
/// </summary>
public static class FirstDesignDisable
{
    public static void DisableMemory(DriverDevice device)
    {
        using (device.MemoryLock.Write())
        {
            device.Command &= unchecked((ushort)~DriverDevice.MemoryEnableBit);
            foreach (Mapping mapping in device.Mappings)
            {
                using (mapping.AddressSpaceLock.Read()) // expect: LOCK001
                {
                    mapping.Unmap();
                }
            }
        }
    }
}

using LockOrder;

namespace BrokenDriver;

/// <summary>
/// The four-lock cycle lockdep found in vfio-pci in 2024. Each path alone looks fine; together they are
/// VmaLock → MemoryLock (command write), MemoryLock → BusLock (bus reset under the memory write lock),
/// BusLock → MmapLock (the reset-info callback copies to user memory under the bus lock, and a copy can fault),
/// MmapLock → VmaLock (the page fault). The copy is written the way the kernel wrote it: inside a callback handed
/// through two helpers to the bus walk, which runs it under the bus lock (pci_walk_bus). Fix: fill a local buffer in
/// the callback, copy it to the user after the walk.
/// </summary>
public sealed class BusResetCycle
{
    private readonly DriverDevice device;
    private readonly BusLock busLock;
    private readonly List<DriverDevice> devicesOnBus;

    public BusResetCycle(DriverDevice device, BusLock busLock, List<DriverDevice> devicesOnBus)
    {
        this.device = device;
        this.busLock = busLock;
        this.devicesOnBus = devicesOnBus;
    }

    /// <summary>Command-register write that disables memory: mappings locked out, then memory write-locked.</summary>
    public void DisableMemory()
    {
        using (device.VmaLock.Lock())
        using (device.MemoryLock.Write())
        {
            device.Command &= unchecked((ushort)~DriverDevice.MemoryEnableBit);
        }
    }

    /// <summary>Function reset that resets the whole bus while memory is write-locked.</summary>
    public void ResetBus()
    {
        using (device.MemoryLock.Write())
        using (busLock.Lock())
        {
            foreach (DriverDevice other in devicesOnBus)
            {
                other.Command = 0;
            }
        }
    }

    /// <summary>Reports, to the user, which devices a bus reset would affect.</summary>
    public void GetResetInfo(UserBuffer result)
    {
        ForEachSlotOrBus(slot => FillDeviceInfo(slot, result)); // expect: LOCK008
    }

    /// <summary>What the memory manager does on a fault in one of the device's mappings.</summary>
    public void PageFault(Mapping mapping)
    {
        using (mapping.AddressSpaceLock.Read())
        using (device.VmaLock.Lock())
        {
            device.Mappings.Add(mapping);
        }
    }

    /// <summary>Runs <paramref name="fill"/> for every device the reset affects: the slot's, or the whole bus's.</summary>
    private void ForEachSlotOrBus(Action<int> fill) => new PciBus(busLock, devicesOnBus.Count).WalkBus(fill);

    private static void FillDeviceInfo(int slot, UserBuffer result)
    {
        Span<byte> entry = stackalloc byte[4];
        BitConverter.TryWriteBytes(entry, slot);
        result.CopyToUser(entry);
    }
}

using LockOrder;

namespace BrokenDriver;

/// <summary>A mapping of the device's BAR into a process's address space, whose mappings <see cref="AddressSpaceLock"/> guards.</summary>
public sealed class Mapping
{
    public Mapping(MmapLock addressSpaceLock) => AddressSpaceLock = addressSpaceLock;

    public MmapLock AddressSpaceLock { get; }

    public bool PagesPresent { get; private set; }

    /// <summary>Removes the mapping's pages; the caller holds <see cref="AddressSpaceLock"/>.</summary>
    public void Unmap() => PagesPresent = false;
}

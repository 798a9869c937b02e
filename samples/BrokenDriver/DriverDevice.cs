using LockOrder;

namespace BrokenDriver;

/// <summary>
/// A PCI device as this driver models it, with vfio-pci's two device locks. <see cref="VmaLock"/> guards
/// <see cref="Mappings"/>; <see cref="MemoryLock"/> guards <see cref="Command"/>'s memory-enable bit, and BAR
/// accesses hold it for read so memory cannot be disabled under them.
/// </summary>
public sealed class DriverDevice
{
    public const ushort MemoryEnableBit = 0x2;

    public VmaLock VmaLock { get; } = new VmaLock();

    public MemoryLock MemoryLock { get; } = new MemoryLock();

    public List<Mapping> Mappings { get; } = new List<Mapping>();

    public ushort Command { get; set; }

    public bool MemoryEnabled => (Command & MemoryEnableBit) != 0;

    public byte[] Bar { get; } = new byte[4096];
}

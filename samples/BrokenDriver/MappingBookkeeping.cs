using LockOrder;

namespace BrokenDriver;

/// <summary>
/// The list of mappings with pages present is VmaLock's to guard, and the helper that adds to it says so with
/// [Requires]. The mmap path calls it without taking VmaLock, racing with a zap that empties the list.
/// </summary>
public static class MappingBookkeeping
{
    public static Mapping Mmap(DriverDevice device, MmapLock addressSpaceLock)
    {
        var mapping = new Mapping(addressSpaceLock);
        Record(device, mapping); // expect: LOCK006
        return mapping;
    }

    [Requires(typeof(VmaLock), LockMode.Exclusive)]
    private static void Record(DriverDevice device, Mapping mapping) => device.Mappings.Add(mapping);
}

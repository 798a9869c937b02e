using LockOrder;

namespace BrokenDriver;

/// <summary>Guards the devices on one PCI bus during a bus reset. Nobody declared where it goes in the order.</summary>
public sealed class BusLock : MutexLock
{
}

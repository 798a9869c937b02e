using LockOrder;

namespace BrokenDriver;

/// <summary>Guards the eventfd that signals the device's interrupts to user space.</summary>
public sealed class EventFdLock : MutexLock
{
}

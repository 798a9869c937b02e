using LockOrder;

namespace BrokenDriver;

/// <summary>Guards the set of devices reset together. Its declared order contradicts <see cref="GroupLock"/>'s.</summary>
[AcquiredBefore(typeof(GroupLock))]
public sealed class DeviceSetLock : MutexLock
{
}

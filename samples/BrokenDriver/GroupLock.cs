using LockOrder;

namespace BrokenDriver;

/// <summary>
/// Guards a group's device list. Its author declared it before <see cref="DeviceSetLock"/> — while
/// DeviceSetLock's author declared the opposite, so no acquisition of the two can ever be in order.
/// </summary>
[AcquiredBefore(typeof(DeviceSetLock))]
public sealed class GroupLock : MutexLock
{
}

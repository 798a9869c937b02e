using LockOrder;

namespace BrokenDriver;

/// <summary>
/// Guards a group's device list. Declared before <see cref="DeviceSetLock"/> here — while DeviceSetLock's
/// author declared the opposite, so no acquisition of the two can ever be in order.
/// </summary>
[AcquiredBefore(typeof(DeviceSetLock))] // expect: LOCK007
public sealed class GroupLock : MutexLock
{
}

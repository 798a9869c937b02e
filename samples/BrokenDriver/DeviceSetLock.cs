using LockOrder;

namespace BrokenDriver;

/// <summary>
/// Guards the set of devices reset together. Declared before <see cref="GroupLock"/>, which declares itself
/// before this one: the cycle is reported once, on the attribute where it starts.
/// </summary>
[AcquiredBefore(typeof(GroupLock))] // expect: LOCK007
public sealed class DeviceSetLock : MutexLock
{
}

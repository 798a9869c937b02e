using LockOrder;

namespace BrokenDriver;

/// <summary>Guards the device's interrupt configuration.</summary>
public sealed class IrqLock : MutexLock
{
}

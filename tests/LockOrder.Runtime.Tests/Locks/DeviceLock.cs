namespace LockOrder.Runtime.Tests.Locks
{
    /// <summary>A lock class whose instances carry the name of what they guard, like one lock per device.</summary>
    internal sealed class DeviceLock : MutexLock
    {
        internal DeviceLock(string device)
            : base(device)
        {
        }
    }
}

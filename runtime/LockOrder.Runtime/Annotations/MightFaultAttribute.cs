using System;

namespace LockOrder
{
    /// <summary>
    /// The method touches user memory, so it may page-fault — and a page fault takes <c>MmapLock</c> for read.
    /// Calling it while holding any lock ordered after <c>MmapLock</c> can deadlock.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
    public sealed class MightFaultAttribute : Attribute
    {
    }
}

using System;

namespace LockOrder
{
    public abstract partial class MutexLock
    {
        /// <summary>A held <see cref="MutexLock"/>; disposing it releases the lock exactly once.</summary>
        public struct Scope : IDisposable
        {
            /// <summary>Releases the lock.</summary>
            public void Dispose() => throw new NotImplementedException();
        }
    }
}

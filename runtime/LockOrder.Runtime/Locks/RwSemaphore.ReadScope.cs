using System;

namespace LockOrder
{
    public abstract partial class RwSemaphore
    {
        /// <summary>A read hold on an <see cref="RwSemaphore"/>; disposing it releases the hold exactly once.</summary>
        public struct ReadScope : IDisposable
        {
            /// <summary>Releases the read hold.</summary>
            public void Dispose() => throw new NotImplementedException();
        }
    }
}

using System;

namespace LockOrder
{
    public abstract partial class RwSemaphore
    {
        /// <summary>A write hold on an <see cref="RwSemaphore"/>; disposing it releases the hold exactly once.</summary>
        public struct WriteScope : IDisposable
        {
            /// <summary>Releases the write hold.</summary>
            public void Dispose() => throw new NotImplementedException();
        }
    }
}

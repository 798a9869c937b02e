namespace LockOrder.Analyzers.Model
{
    /// <summary>One BCL lock method's meaning, read from its signature (see <see cref="BclLockCalls"/>).</summary>
    internal readonly struct BclLockCall
    {
        internal const int Receiver = -1;

        internal const int None = -1;

        internal BclLockCall(BclLockCallKind kind, LockPrimitive primitive, LockMode mode, int lockObject = Receiver, int takenFlag = None, int timeout = None, bool returnsScope = false)
        {
            Kind = kind;
            Primitive = primitive;
            Mode = mode;
            LockObject = lockObject;
            TakenFlag = takenFlag;
            Timeout = timeout;
            ReturnsScope = returnsScope;
        }

        internal BclLockCallKind Kind { get; }

        internal LockPrimitive Primitive { get; }

        internal LockMode Mode { get; }

        /// <summary>The argument that is the lock (<c>Monitor</c>'s first), or <see cref="Receiver"/>.</summary>
        internal int LockObject { get; }

        /// <summary>The <c>ref bool</c> argument the call sets when it holds the lock, or <see cref="None"/>.</summary>
        internal int TakenFlag { get; }

        /// <summary>The timeout argument of a timed acquisition (a try-acquisition unless it is infinite), or <see cref="None"/>.</summary>
        internal int Timeout { get; }

        /// <summary><c>Lock.EnterScope()</c>: the result's disposal releases the lock.</summary>
        internal bool ReturnsScope { get; }

        internal bool IsLockOperation => Kind is BclLockCallKind.Acquire or BclLockCallKind.TryAcquire or BclLockCallKind.Release;
    }
}

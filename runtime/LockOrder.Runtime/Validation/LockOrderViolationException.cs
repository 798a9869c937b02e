using System;

namespace LockOrder
{
    /// <summary>Thrown by the runtime validator, before the thread blocks, when an acquisition could deadlock.</summary>
    public sealed class LockOrderViolationException : Exception
    {
        /// <summary>Creates the exception for a violation of <paramref name="kind"/>.</summary>
        public LockOrderViolationException(LockViolationKind kind, string message)
            : base(message)
        {
            Kind = kind;
        }

        /// <summary>What was violated.</summary>
        public LockViolationKind Kind { get; }
    }
}

using System;

namespace LockOrder
{
    /// <summary>
    /// A <see cref="bool"/>-returning method that holds the lock when it returns <see langword="true"/> and holds
    /// nothing new when it returns <see langword="false"/>. By default it never blocks, so it adds no lock-order
    /// edge; set <see cref="Blocking"/> for a method that waits but can fail (a killable or cancellable wait).
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
    public sealed class TryAcquiresAttribute : Attribute
    {
        /// <summary>On a lock type's method: the receiver is held in <paramref name="mode"/> on success.</summary>
        public TryAcquiresAttribute(LockMode mode) => Mode = mode;

        /// <summary>A lock of class <paramref name="lockType"/> is held in <paramref name="mode"/> on success.</summary>
        public TryAcquiresAttribute(Type lockType, LockMode mode)
        {
            LockType = lockType;
            Mode = mode;
        }

        /// <summary>The lock class, or <see langword="null"/> when the receiver is the lock.</summary>
        public Type? LockType { get; }

        /// <summary>The mode the lock is held in on success.</summary>
        public LockMode Mode { get; }

        /// <summary>
        /// <see langword="true"/> when the method waits for the lock (and so must respect the lock order) but may
        /// still fail, like <c>down_read_killable</c>.
        /// </summary>
        public bool Blocking { get; set; }
    }
}

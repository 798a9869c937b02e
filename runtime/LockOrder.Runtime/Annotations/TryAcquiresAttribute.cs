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

        /// <summary>On success, the method holds the lock held in <paramref name="member"/>, a field or property of the method's type (<c>nameof(_sync)</c>), in <paramref name="mode"/>.</summary>
        public TryAcquiresAttribute(string member, LockMode mode = LockMode.Exclusive)
        {
            Member = member;
            Mode = mode;
        }

        /// <summary>On success, the method holds the lock held in <paramref name="member"/>, a field or property of <paramref name="declaringType"/>, in <paramref name="mode"/>.</summary>
        public TryAcquiresAttribute(Type declaringType, string member, LockMode mode = LockMode.Exclusive)
        {
            DeclaringType = declaringType;
            Member = member;
            Mode = mode;
        }

        /// <summary>The lock class, or <see langword="null"/> when the receiver is the lock.</summary>
        public Type? LockType { get; }

        /// <summary>The lock member (a field or property holding a lock) the contract names, or <see langword="null"/>.</summary>
        public string? Member { get; }

        /// <summary>The type that declares <see cref="Member"/>, or <see langword="null"/> for the method's own type.</summary>
        public Type? DeclaringType { get; }

        /// <summary>The mode the lock is held in on success.</summary>
        public LockMode Mode { get; }

        /// <summary>
        /// <see langword="true"/> when the method waits for the lock (and so must respect the lock order) but may
        /// still fail, like <c>down_read_killable</c>.
        /// </summary>
        public bool Blocking { get; set; }
    }
}

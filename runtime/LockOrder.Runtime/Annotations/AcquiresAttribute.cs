using System;

namespace LockOrder
{
    /// <summary>
    /// The method returns with a lock held. On a lock type's own method (<c>[Acquires(LockMode.Exclusive)]</c>)
    /// the receiver is the lock; with a type (<c>[Acquires(typeof(VmaLock), LockMode.Exclusive)]</c>) the method
    /// returns holding a lock of that class, e.g. a helper that drops and retakes a lock in a loop.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
    public sealed class AcquiresAttribute : Attribute
    {
        /// <summary>The receiver (a lock) is held in <paramref name="mode"/> when the method returns.</summary>
        public AcquiresAttribute(LockMode mode) => Mode = mode;

        /// <summary>A lock of class <paramref name="lockType"/> is held in <paramref name="mode"/> when the method returns.</summary>
        public AcquiresAttribute(Type lockType, LockMode mode)
        {
            LockType = lockType;
            Mode = mode;
        }

        /// <summary>The method returns holding the lock held in <paramref name="member"/>, a field or property of the method's type (<c>nameof(_sync)</c>), in <paramref name="mode"/>.</summary>
        public AcquiresAttribute(string member, LockMode mode = LockMode.Exclusive)
        {
            Member = member;
            Mode = mode;
        }

        /// <summary>The method returns holding the lock held in <paramref name="member"/>, a field or property of <paramref name="declaringType"/>, in <paramref name="mode"/>.</summary>
        public AcquiresAttribute(Type declaringType, string member, LockMode mode = LockMode.Exclusive)
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

        /// <summary>The mode the lock is held in on return.</summary>
        public LockMode Mode { get; }
    }
}

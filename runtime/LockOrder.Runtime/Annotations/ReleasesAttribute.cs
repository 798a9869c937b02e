using System;

namespace LockOrder
{
    /// <summary>The method releases a held lock: the receiver, or a lock of the given class.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
    public sealed class ReleasesAttribute : Attribute
    {
        /// <summary>On a lock type's method: releases the receiver, held in <paramref name="mode"/>.</summary>
        public ReleasesAttribute(LockMode mode) => Mode = mode;

        /// <summary>Releases a lock of class <paramref name="lockType"/> held in <paramref name="mode"/>.</summary>
        public ReleasesAttribute(Type lockType, LockMode mode)
        {
            LockType = lockType;
            Mode = mode;
        }

        /// <summary>The method releases the lock held in <paramref name="member"/>, a field or property of the method's type (<c>nameof(_sync)</c>), held in <paramref name="mode"/>.</summary>
        public ReleasesAttribute(string member, LockMode mode = LockMode.Exclusive)
        {
            Member = member;
            Mode = mode;
        }

        /// <summary>The method releases the lock held in <paramref name="member"/>, a field or property of <paramref name="declaringType"/>, held in <paramref name="mode"/>.</summary>
        public ReleasesAttribute(Type declaringType, string member, LockMode mode = LockMode.Exclusive)
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

        /// <summary>The mode the lock was held in.</summary>
        public LockMode Mode { get; }
    }
}

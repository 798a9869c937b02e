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

        /// <summary>The lock class, or <see langword="null"/> when the receiver is the lock.</summary>
        public Type? LockType { get; }

        /// <summary>The mode the lock was held in.</summary>
        public LockMode Mode { get; }
    }
}

using System;

namespace LockOrder
{
    /// <summary>
    /// Declares that a method may take a lock of class <see cref="LockType"/> (blocking) and release it before it
    /// returns. Use it where the analyzer cannot see the body: interface and abstract members, methods in other
    /// assemblies, native calls.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Property, AllowMultiple = true, Inherited = true)]
    public sealed class MayAcquireAttribute : Attribute
    {
        /// <summary>The method may take a lock of <paramref name="lockType"/> in <paramref name="mode"/>.</summary>
        public MayAcquireAttribute(Type lockType, LockMode mode)
        {
            LockType = lockType;
            Mode = mode;
        }

        /// <summary>The method may take the lock held in <paramref name="member"/>, a field or property of the method's type (<c>nameof(_sync)</c>), in <paramref name="mode"/>.</summary>
        public MayAcquireAttribute(string member, LockMode mode = LockMode.Exclusive)
        {
            Member = member;
            Mode = mode;
        }

        /// <summary>The method may take the lock held in <paramref name="member"/>, a field or property of <paramref name="declaringType"/>, in <paramref name="mode"/>.</summary>
        public MayAcquireAttribute(Type declaringType, string member, LockMode mode = LockMode.Exclusive)
        {
            DeclaringType = declaringType;
            Member = member;
            Mode = mode;
        }

        /// <summary>The lock class the method may take.</summary>
        public Type? LockType { get; }

        /// <summary>The lock member (a field or property holding a lock) the contract names, or <see langword="null"/>.</summary>
        public string? Member { get; }

        /// <summary>The type that declares <see cref="Member"/>, or <see langword="null"/> for the method's own type.</summary>
        public Type? DeclaringType { get; }

        /// <summary>The mode it may take it in.</summary>
        public LockMode Mode { get; }
    }
}

using System;

namespace LockOrder
{
    /// <summary>
    /// Callers must hold a lock of class <see cref="LockType"/>, at least in <see cref="Mode"/>
    /// (<see cref="LockMode.Shared"/> is satisfied by either mode). The method's body is analyzed as starting
    /// with that lock held — e.g. a page-fault handler entered with the address space's <c>MmapLock</c> read-held.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Property, AllowMultiple = true, Inherited = true)]
    public sealed class RequiresAttribute : Attribute
    {
        /// <summary>Callers must hold a lock of <paramref name="lockType"/> in at least <paramref name="mode"/>.</summary>
        public RequiresAttribute(Type lockType, LockMode mode)
        {
            LockType = lockType;
            Mode = mode;
        }

        /// <summary>Callers must hold the lock held in <paramref name="member"/>, a field or property of the method's type (<c>nameof(_sync)</c>), at least in <paramref name="mode"/>.</summary>
        public RequiresAttribute(string member, LockMode mode = LockMode.Exclusive)
        {
            Member = member;
            Mode = mode;
        }

        /// <summary>Callers must hold the lock held in <paramref name="member"/>, a field or property of <paramref name="declaringType"/>, at least in <paramref name="mode"/>.</summary>
        public RequiresAttribute(Type declaringType, string member, LockMode mode = LockMode.Exclusive)
        {
            DeclaringType = declaringType;
            Member = member;
            Mode = mode;
        }

        /// <summary>The lock class that must be held.</summary>
        public Type? LockType { get; }

        /// <summary>The lock member (a field or property holding a lock) the contract names, or <see langword="null"/>.</summary>
        public string? Member { get; }

        /// <summary>The type that declares <see cref="Member"/>, or <see langword="null"/> for the method's own type.</summary>
        public Type? DeclaringType { get; }

        /// <summary>The weakest mode that satisfies the contract.</summary>
        public LockMode Mode { get; }
    }
}

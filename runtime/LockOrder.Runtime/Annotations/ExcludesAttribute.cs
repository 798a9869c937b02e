using System;

namespace LockOrder
{
    /// <summary>Callers must not hold a lock of class <see cref="LockType"/> (in any mode) when they call the method.</summary>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Property, AllowMultiple = true, Inherited = true)]
    public sealed class ExcludesAttribute : Attribute
    {
        /// <summary>Callers must not hold a lock of <paramref name="lockType"/>.</summary>
        public ExcludesAttribute(Type lockType) => LockType = lockType;

        /// <summary>Callers must not hold the lock held in <paramref name="member"/>, a field or property of the method's type (<c>nameof(_sync)</c>).</summary>
        public ExcludesAttribute(string member) => Member = member;

        /// <summary>Callers must not hold the lock held in <paramref name="member"/>, a field or property of <paramref name="declaringType"/>.</summary>
        public ExcludesAttribute(Type declaringType, string member)
        {
            DeclaringType = declaringType;
            Member = member;
        }

        /// <summary>The lock class that must not be held, or <see langword="null"/> when a member is named.</summary>
        public Type? LockType { get; }

        /// <summary>The lock member (a field or property holding a lock) that must not be held, or <see langword="null"/>.</summary>
        public string? Member { get; }

        /// <summary>The type that declares <see cref="Member"/>, or <see langword="null"/> for the method's own type.</summary>
        public Type? DeclaringType { get; }
    }
}

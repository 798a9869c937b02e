using System;

namespace LockOrder
{
    /// <summary>Callers must not hold a lock of class <see cref="LockType"/> (in any mode) when they call the method.</summary>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Property, AllowMultiple = true, Inherited = true)]
    public sealed class ExcludesAttribute : Attribute
    {
        /// <summary>Callers must not hold a lock of <paramref name="lockType"/>.</summary>
        public ExcludesAttribute(Type lockType) => LockType = lockType;

        /// <summary>The lock class that must not be held.</summary>
        public Type LockType { get; }
    }
}

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

        /// <summary>The lock class the method may take.</summary>
        public Type LockType { get; }

        /// <summary>The mode it may take it in.</summary>
        public LockMode Mode { get; }
    }
}

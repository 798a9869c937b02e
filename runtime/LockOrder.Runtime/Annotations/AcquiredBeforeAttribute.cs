using System;

namespace LockOrder
{
    /// <summary>
    /// Declares that a thread holding a lock of the annotated class may go on to take the listed lock classes,
    /// never the other way round. The declared order is the transitive closure of every
    /// <see cref="AcquiredBeforeAttribute"/> and <see cref="AcquiredAfterAttribute"/>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class AcquiredBeforeAttribute : Attribute
    {
        /// <summary>Declares the annotated lock class to come before each of <paramref name="locks"/>.</summary>
        public AcquiredBeforeAttribute(params Type[] locks) => Locks = locks ?? Array.Empty<Type>();

        /// <summary>The lock classes that are taken after the annotated one.</summary>
        public Type[] Locks { get; }
    }
}

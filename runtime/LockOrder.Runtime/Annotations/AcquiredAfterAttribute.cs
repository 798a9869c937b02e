using System;

namespace LockOrder
{
    /// <summary>
    /// Declares that the annotated lock class is taken only after the listed lock classes (the mirror of
    /// <see cref="AcquiredBeforeAttribute"/>, for lock classes that cannot annotate the earlier class).
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class AcquiredAfterAttribute : Attribute
    {
        /// <summary>Declares the annotated lock class to come after each of <paramref name="locks"/>.</summary>
        public AcquiredAfterAttribute(params Type[] locks) => Locks = locks ?? Array.Empty<Type>();

        /// <summary>The lock classes that are taken before the annotated one.</summary>
        public Type[] Locks { get; }
    }
}

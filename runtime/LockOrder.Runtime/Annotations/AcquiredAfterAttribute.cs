using System;

namespace LockOrder
{
    /// <summary>
    /// Declares that the annotated lock is taken only after the listed locks (the mirror of
    /// <see cref="AcquiredBeforeAttribute"/>, for locks that cannot annotate the earlier one). On a lock type it names
    /// lock classes; on a field or property that holds a lock it may also name lock members.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
    public sealed class AcquiredAfterAttribute : Attribute
    {
        /// <summary>Declares the annotated lock to come after each of the lock classes <paramref name="locks"/>.</summary>
        public AcquiredAfterAttribute(params Type[] locks) => Locks = locks ?? Array.Empty<Type>();

        /// <summary>Declares the annotated lock to come after the lock members of the same type named <paramref name="member"/> and <paramref name="moreMembers"/>.</summary>
        public AcquiredAfterAttribute(string member, params string[] moreMembers)
        {
            Locks = Array.Empty<Type>();
            Members = AcquiredBeforeAttribute.Combine(member, moreMembers);
        }

        /// <summary>Declares the annotated lock to come after the lock member <paramref name="member"/> of <paramref name="declaringType"/>.</summary>
        public AcquiredAfterAttribute(Type declaringType, string member)
        {
            Locks = Array.Empty<Type>();
            DeclaringType = declaringType;
            Members = new[] { member };
        }

        /// <summary>The lock classes (lock types) that are taken before the annotated lock.</summary>
        public Type[] Locks { get; }

        /// <summary>The lock members (fields or properties) that are taken before the annotated lock.</summary>
        public string[] Members { get; } = Array.Empty<string>();

        /// <summary>The type that declares <see cref="Members"/>, or <see langword="null"/> for the annotated member's own type.</summary>
        public Type? DeclaringType { get; }
    }
}

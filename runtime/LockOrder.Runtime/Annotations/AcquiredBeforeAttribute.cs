using System;

namespace LockOrder
{
    /// <summary>
    /// Declares that a thread holding the annotated lock may go on to take the listed locks, never the other way round.
    /// On a lock type it orders lock classes (<c>[AcquiredBefore(typeof(MemoryLock))]</c>); on a field or property that
    /// holds a lock (an object used with <c>lock</c>, a <c>SemaphoreSlim</c>, …) it orders that member's lock class
    /// against other members (<c>[AcquiredBefore(nameof(_index))]</c>, <c>[AcquiredBefore(typeof(Journal),
    /// nameof(Journal.Sync))]</c>) or against lock types. The declared order is the transitive closure of every
    /// <see cref="AcquiredBeforeAttribute"/> and <see cref="AcquiredAfterAttribute"/>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
    public sealed class AcquiredBeforeAttribute : Attribute
    {
        /// <summary>Declares the annotated lock to come before each of the lock classes <paramref name="locks"/>.</summary>
        public AcquiredBeforeAttribute(params Type[] locks) => Locks = locks ?? Array.Empty<Type>();

        /// <summary>Declares the annotated lock to come before the lock members of the same type named <paramref name="member"/> and <paramref name="moreMembers"/>.</summary>
        public AcquiredBeforeAttribute(string member, params string[] moreMembers)
        {
            Locks = Array.Empty<Type>();
            Members = Combine(member, moreMembers);
        }

        /// <summary>Declares the annotated lock to come before the lock member <paramref name="member"/> of <paramref name="declaringType"/>.</summary>
        public AcquiredBeforeAttribute(Type declaringType, string member)
        {
            Locks = Array.Empty<Type>();
            DeclaringType = declaringType;
            Members = new[] { member };
        }

        /// <summary>The lock classes (lock types) that are taken after the annotated lock.</summary>
        public Type[] Locks { get; }

        /// <summary>The lock members (fields or properties) that are taken after the annotated lock.</summary>
        public string[] Members { get; } = Array.Empty<string>();

        /// <summary>The type that declares <see cref="Members"/>, or <see langword="null"/> for the annotated member's own type.</summary>
        public Type? DeclaringType { get; }

        internal static string[] Combine(string member, string[]? moreMembers)
        {
            var members = new string[1 + (moreMembers?.Length ?? 0)];
            members[0] = member;
            moreMembers?.CopyTo(members, 1);
            return members;
        }
    }
}

using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Model
{
    /// <summary>
    /// The BCL lock types of DESIGN §11, recognized by name (<c>System.Threading.SemaphoreSlim</c>, …) rather than by a
    /// compilation-wide lookup, which would load the namespace tables of every referenced assembly before anything is
    /// analyzed; and the primitive a member of a given type is locked with.
    /// </summary>
    internal static class BclLockTypes
    {
        /// <summary>Whether <paramref name="type"/> is <c>System.Threading.{name}</c> (not nested).</summary>
        internal static bool Is(ITypeSymbol? type, string name) =>
            type is { ContainingType: null, ContainingNamespace: { Name: "Threading" } threading }
            && type.Name == name
            && threading.ContainingNamespace is { Name: "System" } system
            && system.ContainingNamespace is { IsGlobalNamespace: true };

        /// <summary>Whether <paramref name="type"/> is <c>System.Threading.Mutex</c> or derives from it.</summary>
        internal static bool IsMutex(ITypeSymbol? type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (Is(current, "Mutex"))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The primitive a lock held in a member of <paramref name="type"/> is taken with, for an annotation that names
        /// the member: the BCL lock type's own, a monitor for any other reference type; null for a value type that is
        /// not a <c>SpinLock</c> (nothing can lock it). LockOrder lock types are their own class and are not asked here.
        /// </summary>
        internal static LockPrimitive? PrimitiveOfMemberType(ITypeSymbol type)
        {
            if (type.TypeKind == TypeKind.Error)
            {
                return null;
            }

            if (Is(type, "Lock"))
            {
                return LockPrimitive.Lock;
            }

            if (Is(type, "SemaphoreSlim"))
            {
                return LockPrimitive.SemaphoreSlim;
            }

            if (Is(type, "ReaderWriterLockSlim"))
            {
                return LockPrimitive.ReaderWriterLockSlim;
            }

            if (Is(type, "ReaderWriterLock"))
            {
                return LockPrimitive.ReaderWriterLock;
            }

            if (IsMutex(type))
            {
                return LockPrimitive.Mutex;
            }

            if (Is(type, "SpinLock"))
            {
                return LockPrimitive.SpinLock;
            }

            return type.IsReferenceType ? LockPrimitive.Monitor : null;
        }
    }
}

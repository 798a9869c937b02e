using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockOrder.Analyzers.Model
{
    /// <summary>
    /// Names the class of a BCL lock from the expression that reaches the lock object (DESIGN §12): the field or property
    /// it is read from, the collection member whose element it is, <c>this</c>, a type object or a string. A local is
    /// followed back to the one value it is given; anything else — a call's result, a parameter, a value the body cannot
    /// trace — is no class at all, and the lock is not tracked: no diagnostic is better than a wrong one.
    /// </summary>
    internal static class LockClassResolver
    {
        private const int MaxDepth = 8;

        /// <param name="followInjected">
        /// Whether a field its type's constructors are handed is named by what its creations pass (<see cref="InjectedLocks"/>);
        /// false while resolving those creations' arguments.
        /// </param>
        internal static LockClass? FromLockObject(IOperation? lockObject, LockPrimitive primitive, BclLockFacts facts, ValueOrigins? origins, CancellationToken cancellationToken, bool followInjected = true)
        {
            return AsLock(Resolve(lockObject, primitive, facts, origins, cancellationToken, depth: 0, followInjected), primitive, facts, cancellationToken);
        }

        /// <summary>
        /// The class <see cref="FromLockObject"/> names for a lock object read from <paramref name="field"/>, for a reader of
        /// syntax that has found the field without binding the expression.
        /// </summary>
        internal static LockClass? FromField(IFieldSymbol field, LockPrimitive primitive, BclLockFacts facts, CancellationToken cancellationToken)
        {
            if (field.IsConst)
            {
                // A constant is its value: `lock (Name)` with `const string Name = "x"` is the lock of "x".
                return field.ConstantValue is string text ? AsLock(LockClass.OfString(text, primitive), primitive, facts, cancellationToken) : null;
            }

            return AsLock(Field(field, primitive, facts, cancellationToken, followInjected: true), primitive, facts, cancellationToken);
        }

        /// <summary>The class <see cref="FromLockObject"/> names for <c>this</c> of <paramref name="type"/>.</summary>
        internal static LockClass? FromThis(ITypeSymbol type, LockPrimitive primitive, BclLockFacts facts, CancellationToken cancellationToken) =>
            AsLock(LockClass.OfThis(type, primitive), primitive, facts, cancellationToken);

        /// <summary>The class <see cref="FromLockObject"/> names for a string literal.</summary>
        internal static LockClass? FromString(string text, LockPrimitive primitive, BclLockFacts facts, CancellationToken cancellationToken) =>
            AsLock(LockClass.OfString(text, primitive), primitive, facts, cancellationToken);

        /// <summary>A SemaphoreSlim is a lock only where every creation the compilation shows starts it with a count of one.</summary>
        private static LockClass? AsLock(LockClass? lockClass, LockPrimitive primitive, BclLockFacts facts, CancellationToken cancellationToken)
        {
            if (lockClass is null || primitive != LockPrimitive.SemaphoreSlim)
            {
                return lockClass;
            }

            return lockClass.Member is { } member && facts.IsLockSemaphore(member, lockClass.Kind == LockClassKind.Elements, cancellationToken) ? lockClass : null;
        }

        /// <summary>The class of a lock held in <paramref name="member"/>, as an annotation names it: its LockOrder lock type, or the member.</summary>
        internal static LockClass? FromMember(ISymbol member)
        {
            var type = LockMembers.TypeOf(member);

            if (type is null)
            {
                return null;
            }

            if (IsLockOrderLockType(type))
            {
                return LockClass.OfType(type);
            }

            var primitive = BclLockTypes.PrimitiveOfMemberType(type);
            return primitive is null ? null : LockClass.OfMember(member, primitive.Value);
        }

        /// <summary>Whether <paramref name="type"/> derives from LockOrder's <c>MutexLock</c> or <c>RwSemaphore</c>.</summary>
        internal static bool IsLockOrderLockType(ITypeSymbol type)
        {
            for (var current = type.BaseType; current is not null; current = current.BaseType)
            {
                if (KnownNames.Is(current, KnownNames.MutexLock) || KnownNames.Is(current, KnownNames.RwSemaphore))
                {
                    return true;
                }
            }

            return false;
        }

        private static LockClass? Resolve(IOperation? operation, LockPrimitive primitive, BclLockFacts facts, ValueOrigins? origins, CancellationToken cancellationToken, int depth, bool followInjected)
        {
            if (operation is null || depth > MaxDepth)
            {
                return null;
            }

            if (operation.ConstantValue is { HasValue: true, Value: string text })
            {
                return LockClass.OfString(text, primitive);
            }

            switch (operation)
            {
                case IConversionOperation conversion:
                    return Resolve(conversion.Operand, primitive, facts, origins, cancellationToken, depth + 1, followInjected);
                case IParenthesizedOperation parenthesized:
                    return Resolve(parenthesized.Operand, primitive, facts, origins, cancellationToken, depth + 1, followInjected);
                case IFlowCaptureReferenceOperation capture when origins is not null:
                    return Resolve(origins.Capture(capture), primitive, facts, origins, cancellationToken, depth + 1, followInjected);
                case ILocalReferenceOperation local when origins is not null:
                    if (origins.ForEachCollection(local.Local) is { } collection)
                    {
                        return Elements(MemberOf(collection, origins, depth + 1), primitive, facts, cancellationToken);
                    }

                    return Resolve(origins.Local(local.Local), primitive, facts, origins, cancellationToken, depth + 1, followInjected);
                case IFieldReferenceOperation field:
                    return Field(field.Field, primitive, facts, cancellationToken, followInjected);
                case IPropertyReferenceOperation { Arguments.IsEmpty: true } property when origins?.Getters?.FieldOf(property.Property) is { } field:
                    // `SyncRoot => _sync`: the property's lock is the field's.
                    return Field(field, primitive, facts, cancellationToken, followInjected);
                case IPropertyReferenceOperation { Arguments.IsEmpty: true, Instance.Type: { } type } property when origins?.Getters?.ReturnsItsObject(property.Property) == true:
                    return LockClass.OfThis(type, primitive);
                case IPropertyReferenceOperation { Arguments.IsEmpty: true } property when IsNameable(property.Property):
                    return Member(property.Property, primitive, facts, cancellationToken);
                case IPropertyReferenceOperation { Arguments.IsEmpty: false } indexer:
                    return Elements(MemberOf(indexer.Instance, origins, depth + 1), primitive, facts, cancellationToken);
                case IArrayElementReferenceOperation element:
                    return Elements(MemberOf(element.ArrayReference, origins, depth + 1), primitive, facts, cancellationToken);
                case IInstanceReferenceOperation { Type: { } type }:
                    return LockClass.OfThis(type, primitive);
                case ITypeOfOperation typeOf:
                    return LockClass.OfTypeObject(typeOf.TypeOperand, primitive);
                default:
                    return null;
            }
        }

        /// <summary>A field's lock: the lock its type's constructors are handed, if every creation hands one of one class; otherwise the field's own.</summary>
        private static LockClass Field(IFieldSymbol field, LockPrimitive primitive, BclLockFacts facts, CancellationToken cancellationToken, bool followInjected) =>
            (followInjected ? facts.Injected.ClassHandedTo(field, primitive, cancellationToken) : null) ?? Member(field, primitive, facts, cancellationToken);

        private static LockClass Member(ISymbol member, LockPrimitive primitive, BclLockFacts facts, CancellationToken cancellationToken) =>
            LockClass.OfMember(member, primitive, primitive == LockPrimitive.ReaderWriterLockSlim && facts.AllowsRecursion(member, elements: false, cancellationToken));

        private static LockClass? Elements(ISymbol? member, LockPrimitive primitive, BclLockFacts facts, CancellationToken cancellationToken) =>
            member is null ? null : LockClass.OfElements(member, primitive, primitive == LockPrimitive.ReaderWriterLockSlim && facts.AllowsRecursion(member, elements: true, cancellationToken));

        /// <summary>The field or property a collection of locks is read from.</summary>
        private static ISymbol? MemberOf(IOperation? collection, ValueOrigins? origins, int depth)
        {
            while (depth <= MaxDepth)
            {
                switch (collection)
                {
                    case IFieldReferenceOperation field:
                        return field.Field;
                    case IPropertyReferenceOperation { Arguments.IsEmpty: true } property when IsNameable(property.Property):
                        return property.Property;
                    case null:
                        return null;
                    default:
                        collection = ValueOrigins.Behind(collection, origins);
                        break;
                }

                depth++;
            }

            return null;
        }

        /// <summary>
        /// A property names a class when its value is the program's own: one declared in source, or a plain one of a
        /// referenced type. An interface or overridable property of a library (<c>ICollection.SyncRoot</c>) stands for
        /// every implementation's object, which would make unrelated locks one class.
        /// </summary>
        private static bool IsNameable(IPropertySymbol property) =>
            property.Locations.Length > 0 && property.Locations[0].IsInSource
            || (property.ContainingType?.TypeKind != TypeKind.Interface && !property.IsAbstract && !property.IsVirtual && !property.IsOverride);
    }
}

using System;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Model
{
    /// <summary>
    /// A lock class, as lockdep names one: all the locks the order treats as one. For LockOrder's own lock types it is
    /// the type (every <c>MemoryLock</c>); for a BCL lock it is where the lock object lives — a field or property
    /// (<c>Cache._sync</c>, for every instance of <c>Cache</c> and every construction of a generic <c>Cache&lt;T&gt;</c>),
    /// the elements of a collection member, <c>this</c> of a type, a type object or a string literal (DESIGN §12).
    /// Which instance of the class a lock is, is the <see cref="LockInstance"/> beside it.
    /// </summary>
    /// <remarks>
    /// Equality is by what names the class, and by whether it is the object's monitor or the object's own lock: a
    /// <c>Monitor.Enter(_semaphore)</c> and a <c>_semaphore.Wait()</c> take two different locks of one object. Beyond
    /// that, the <see cref="Primitive"/> says how the lock that made this value is taken; it decides re-entrancy and
    /// thread ownership at that acquisition.
    /// </remarks>
    internal sealed class LockClass : IEquatable<LockClass>
    {
        private static readonly SymbolDisplayFormat TypeNameFormat = SymbolDisplayFormat.MinimallyQualifiedFormat
            .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

        private readonly int hash;
        private string? display;
        private string? id;

        private LockClass(LockClassKind kind, ISymbol? symbol, string? literal, LockPrimitive primitive, bool recursive)
        {
            Kind = kind;
            Symbol = symbol;
            Literal = literal;
            Primitive = primitive;
            IsRecursionAllowed = recursive;
            hash = (((int)kind * 397) ^ (symbol is null ? StringComparer.Ordinal.GetHashCode(literal ?? string.Empty) : SymbolEqualityComparer.Default.GetHashCode(symbol))) * 2 + (IsMonitor ? 1 : 0);
        }

        internal LockClassKind Kind { get; }

        /// <summary>The lock type, the member, or the type of <c>this</c> or of the type object; null for a string literal.</summary>
        internal ISymbol? Symbol { get; }

        /// <summary>The string of a <see cref="LockClassKind.StringLiteral"/> class.</summary>
        internal string? Literal { get; }

        internal LockPrimitive Primitive { get; }

        /// <summary>A <c>ReaderWriterLockSlim</c> created with <c>LockRecursionPolicy.SupportsRecursion</c>.</summary>
        internal bool IsRecursionAllowed { get; }

        /// <summary>The LockOrder lock type of a <see cref="LockClassKind.LockType"/> class.</summary>
        internal ITypeSymbol? LockType => Kind == LockClassKind.LockType ? (ITypeSymbol?)Symbol : null;

        /// <summary>The field or property of a <see cref="LockClassKind.Member"/> or <see cref="LockClassKind.Elements"/> class.</summary>
        internal ISymbol? Member => Kind is LockClassKind.Member or LockClassKind.Elements ? Symbol : null;

        internal bool IsLockOrderType => Kind == LockClassKind.LockType;

        /// <summary>The object's monitor (<c>lock</c>, <c>Monitor</c>), as opposed to the lock the object itself is.</summary>
        internal bool IsMonitor => Primitive == LockPrimitive.Monitor;

        /// <summary>A class named by a type the compiler could not bind (incomplete code): never reported on.</summary>
        internal bool IsError => Symbol is ITypeSymbol { TypeKind: TypeKind.Error };

        /// <summary>
        /// Whether the thread that holds a lock of this class may take the same lock again without waiting for itself
        /// (a monitor, a <c>Lock</c>, a mutex, a reader-writer lock with recursion) — as it is taken here.
        /// </summary>
        internal bool IsReentrant => Primitive switch
        {
            LockPrimitive.Monitor or LockPrimitive.Lock or LockPrimitive.Mutex or LockPrimitive.ReaderWriterLock => true,
            LockPrimitive.ReaderWriterLockSlim => IsRecursionAllowed,
            _ => false,
        };

        /// <summary>
        /// Whether the lock belongs to the thread that took it, so that holding it across <c>await</c> is wrong (LOCK009).
        /// A <c>SemaphoreSlim</c> belongs to nobody: <c>await WaitAsync()</c> … <c>Release()</c> is the async mutex idiom.
        /// </summary>
        internal bool IsThreadAffine => Primitive != LockPrimitive.SemaphoreSlim;

        /// <summary>The name messages use: <c>MemoryLock</c>, <c>Cache._sync</c>, <c>Table._buckets[]</c>, <c>Cache.this</c>, <c>typeof(Cache)</c>, <c>"name"</c>.</summary>
        internal string Display => display ??= Kind switch
        {
            LockClassKind.LockType => Symbol!.Name,
            LockClassKind.Member => TypeName(Symbol!.ContainingType) + "." + Symbol.Name,
            LockClassKind.Elements => TypeName(Symbol!.ContainingType) + "." + Symbol.Name + "[]",
            LockClassKind.This => TypeName((ITypeSymbol)Symbol!) + ".this",
            LockClassKind.TypeObject => "typeof(" + TypeName((ITypeSymbol)Symbol!) + ")",
            _ => "\"" + Literal + "\"",
        };

        /// <summary>A name unique in the compilation and stable between runs (fully qualified): the sort key of cycles and the graph's node id.</summary>
        internal string Id => id ??= Kind switch
        {
            LockClassKind.LockType => QualifiedName((ITypeSymbol)Symbol!),
            LockClassKind.Member => QualifiedName(Symbol!.ContainingType) + "." + Symbol.Name,
            LockClassKind.Elements => QualifiedName(Symbol!.ContainingType) + "." + Symbol.Name + "[]",
            LockClassKind.This => QualifiedName((ITypeSymbol)Symbol!) + ".this",
            LockClassKind.TypeObject => "typeof(" + QualifiedName((ITypeSymbol)Symbol!) + ")",
            _ => "\"" + Literal + "\"",
        };

        internal static LockClass OfType(ITypeSymbol lockType) =>
            new LockClass(LockClassKind.LockType, lockType, null, LockPrimitive.LockOrder, recursive: false);

        internal static LockClass OfMember(ISymbol member, LockPrimitive primitive, bool recursive = false) =>
            new LockClass(LockClassKind.Member, member.OriginalDefinition, null, primitive, recursive);

        internal static LockClass OfElements(ISymbol member, LockPrimitive primitive, bool recursive = false) =>
            new LockClass(LockClassKind.Elements, member.OriginalDefinition, null, primitive, recursive);

        internal static LockClass OfThis(ITypeSymbol type, LockPrimitive primitive) =>
            new LockClass(LockClassKind.This, type.OriginalDefinition, null, primitive, recursive: false);

        internal static LockClass OfTypeObject(ITypeSymbol type, LockPrimitive primitive) =>
            new LockClass(LockClassKind.TypeObject, type, null, primitive, recursive: false);

        internal static LockClass OfString(string value, LockPrimitive primitive) =>
            new LockClass(LockClassKind.StringLiteral, null, value, primitive, recursive: false);

        /// <summary>
        /// Whether a lock of this class is a lock of <paramref name="expected"/>: the same class, or for LockOrder lock
        /// types a derived one (a contract on <c>MutexLock</c> covers every mutex class).
        /// </summary>
        internal bool IsSameOrDerivedFrom(LockClass expected)
        {
            if (Kind != LockClassKind.LockType || expected.Kind != LockClassKind.LockType)
            {
                return Equals(expected);
            }

            for (ITypeSymbol? type = LockType; type is not null; type = type.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(type, expected.Symbol))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The arguments a contract attribute written in <paramref name="context"/> uses to name this class:
        /// <c>typeof(MemoryLock)</c>, <c>nameof(_sync)</c> for a member of the context's type, or
        /// <c>typeof(Journal), nameof(Journal.Sync)</c> for another type's member.
        /// </summary>
        internal string ContractArguments(ISymbol? context)
        {
            if (Kind == LockClassKind.LockType)
            {
                return "typeof(" + Symbol!.Name + ")";
            }

            if (Kind == LockClassKind.Member)
            {
                var owner = Symbol!.ContainingType;
                for (var type = context?.ContainingType; type is not null; type = type.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, owner))
                    {
                        return "nameof(" + Symbol.Name + ")";
                    }
                }

                return "typeof(" + owner.Name + "), nameof(" + owner.Name + "." + Symbol.Name + ")";
            }

            return Display;
        }

        public bool Equals(LockClass? other) =>
            other is not null
            && (ReferenceEquals(this, other)
                || (hash == other.hash
                    && Kind == other.Kind
                    && IsMonitor == other.IsMonitor
                    && SymbolEqualityComparer.Default.Equals(Symbol, other.Symbol)
                    && string.Equals(Literal, other.Literal, StringComparison.Ordinal)));

        public override bool Equals(object? obj) => obj is LockClass other && Equals(other);

        public override int GetHashCode() => hash;

        public override string ToString() => Display;

        private static string TypeName(ITypeSymbol type) => type.ToDisplayString(TypeNameFormat);

        private static string QualifiedName(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
    }
}

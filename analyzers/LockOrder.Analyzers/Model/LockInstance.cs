using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockOrder.Analyzers.Model
{
    /// <summary>
    /// Which lock object an operation names, as the access path the code uses (<c>this.vmaLock</c>,
    /// <c>device.MemoryLock</c>, <c>forks[left]</c>, a local). Two paths that differ may still be the same object; two
    /// equal paths in one method body are treated as the same object. <see cref="Unknown"/> stands for "some lock of the
    /// class". A path in a method summary is rooted at <c>this</c> (or is static): a call rebases it onto its receiver.
    /// </summary>
    internal readonly struct LockInstance : IEquatable<LockInstance>
    {
        internal static readonly LockInstance Unknown = default;

        /// <summary>The object whose method the body is.</summary>
        internal static readonly LockInstance This = new LockInstance(ThisPath);

        private const string ThisPath = "this";

        [ThreadStatic]
        private static StringBuilder? spareBuilder;

        private const string FreshRoot = "(new)";

        private LockInstance(string path, bool localRooted = false, bool leavesRootType = false, bool endsOnAnotherType = false, bool fresh = false)
        {
            Path = path;
            IsLocalRooted = localRooted;
            leftRootType = leavesRootType;
            endedOnAnotherType = endsOnAnotherType;
            this.fresh = fresh;
        }

        /// <summary>Rooted at a local whose one value is a new object: named by the local (what the user reads), fresh all the same.</summary>
        private readonly bool fresh;

        private readonly bool leftRootType;

        private readonly bool endedOnAnotherType;

        /// <summary>
        /// An object created in the body (or returned fresh by a factory) and not yet seen by any other thread: its own
        /// locks cannot be contended, so what is taken on them orders nothing.
        /// </summary>
        internal static readonly LockInstance Fresh = new LockInstance(FreshRoot);

        /// <summary>The path starts at a local the body gives more than one value (or an unknown one): it names a lock, but which object it is, nothing says.</summary>
        internal bool IsLocalRooted { get; }

        /// <summary>A lock of an object no other thread can see yet (<see cref="Fresh"/>).</summary>
        internal bool IsFresh => fresh || (Path is not null && Path.StartsWith(FreshRoot, StringComparison.Ordinal));

        /// <summary>A path that says which object the lock is: rooted at <c>this</c>, a parameter or a static member, not at a local of unknown value.</summary>
        internal bool IsIdentified => Path is not null && !IsLocalRooted;

        /// <summary>
        /// The path passes through an object of another type than its root's before it reaches the lock's owner
        /// (<c>this._channels._manager.ThisLock</c>, <c>pipeline._runspace._sync</c>, <c>job.Context.SyncLock</c>):
        /// where back-pointers live — a child's <c>Parent</c>, a collection's owner, the context every task shares — so
        /// it may well be the object a shorter path names. (<c>this._peer._sync</c> stays within the class, and
        /// <c>this._forks[i]</c> only passes through a collection: other objects of the class as far as anyone can say.)
        /// </summary>
        internal bool IsReachedThroughAnotherObject => leftRootType;

        /// <summary>The access path, or <see langword="null"/> when unknown.</summary>
        internal string? Path { get; }

        internal bool IsKnown => Path is not null;

        /// <summary>
        /// The instance named by <paramref name="operation"/>. <paramref name="origins"/> maps a control-flow-graph capture
        /// and a local given one value back to what they stand for; without it, captures are unknown instances.
        /// </summary>
        internal static LockInstance From(IOperation? operation, ValueOrigins? origins = null) => Build(operation, origins, summary: false);

        /// <summary>
        /// The instance as a method summary keeps it: a path from <c>this</c>, or a static one. A path from a parameter
        /// or a local means nothing to the caller, and is unknown.
        /// </summary>
        internal static LockInstance InSummary(IOperation? operation, ValueOrigins? origins) => Build(operation, origins, summary: true);

        /// <summary>The instance of <paramref name="member"/> reached from <paramref name="receiver"/> (an instance member) or statically.</summary>
        internal static LockInstance OfMember(LockInstance receiver, ISymbol member) =>
            member.IsStatic ? new LockInstance(StaticPath(member))
            : receiver.IsKnown ? new LockInstance(receiver.Path + "." + member.Name, receiver.IsLocalRooted, receiver.leftRootType || receiver.endedOnAnotherType, endsOnAnotherType: true, receiver.fresh)
            : Unknown;

        /// <summary>The instance <c>this</c> of a callee's summary stands for at a call on <paramref name="receiver"/>.</summary>
        internal LockInstance Rebase(LockInstance receiver)
        {
            if (Path is null || !IsRootedAtThis(Path))
            {
                return this;
            }

            // The receiver's own end becomes a stop on the way when the path goes on from it.
            bool goesOn = Path.Length > ThisPath.Length;
            return receiver.IsKnown
                ? new LockInstance(receiver.Path + Path.Substring(ThisPath.Length), receiver.IsLocalRooted, receiver.leftRootType || (goesOn && receiver.endedOnAnotherType) || leftRootType, goesOn ? endedOnAnotherType || receiver.endedOnAnotherType : receiver.endedOnAnotherType, receiver.fresh)
                : Unknown;
        }

        /// <summary>
        /// The path of a static member: one lock whichever expression reaches it — but one per construction of a generic
        /// type (<c>Cache&lt;int&gt;.Sync</c> and <c>Cache&lt;string&gt;.Sync</c> are two objects of one class).
        /// </summary>
        internal static string StaticPath(ISymbol member) =>
            (member.ContainingType is { } type ? type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) : string.Empty) + "." + member.Name;

        /// <summary>Whether <paramref name="member"/> is declared in a generic type (or a type nested in one): its statics are one per construction.</summary>
        internal static bool IsInGenericType(ISymbol member)
        {
            for (var type = member.ContainingType; type is not null; type = type.ContainingType)
            {
                if (type.IsGenericType)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsRootedAtThis(string path) =>
            path.StartsWith(ThisPath, StringComparison.Ordinal) && (path.Length == ThisPath.Length || path[ThisPath.Length] is '.' or '[');

        private static LockInstance Build(IOperation? operation, ValueOrigins? origins, bool summary)
        {
            // The path of every lock call is built: one builder per thread serves them all.
            var builder = spareBuilder ?? new StringBuilder();
            spareBuilder = null;
            try
            {
                if (!Append(builder, operation, origins, summary, depth: 0))
                {
                    return Unknown;
                }

                var (unknownLocal, leaves, ends, freshLocal) = Walk(operation, origins);
                return new LockInstance(builder.ToString(), unknownLocal, leaves, ends, freshLocal && !summary);
            }
            finally
            {
                builder.Clear();
                spareBuilder = builder;
            }
        }

        /// <summary>
        /// Walking the path from its end back to its root: whether it starts at a local whose one value the body does
        /// not give, whether an object between root and end is of another type than the root (collections not
        /// counted), whether the end is, and whether a local on the way was given a new object.
        /// </summary>
        private static (bool UnknownLocal, bool Leaves, bool Ends, bool FreshLocal) Walk(IOperation? operation, ValueOrigins? origins)
        {
            bool freshLocal = false;
            bool unknownLocal = false;
            ITypeSymbol? end = null;
            bool atEnd = true;
            var between = new List<ITypeSymbol>();
            ITypeSymbol? root = null;
            for (int depth = 0; depth <= 16 && operation is not null && root is null; depth++)
            {
                switch (operation)
                {
                    case ILocalReferenceOperation local when origins?.Local(local.Local) is { } value:
                        freshLocal |= IsCreation(value);
                        operation = value;
                        break;
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        break;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        break;
                    case IFlowCaptureReferenceOperation capture when origins is not null:
                        operation = origins.Capture(capture);
                        break;
                    case IFieldReferenceOperation { Instance: { } instance } field:
                        Step(field.Type);
                        operation = instance;
                        break;
                    case IPropertyReferenceOperation { Instance: { } instance } property:
                        Step(property.Type);
                        operation = instance;
                        break;
                    case IArrayElementReferenceOperation element:
                        Step(element.Type);
                        operation = element.ArrayReference;
                        break;
                    default:
                        root = operation.Type;
                        unknownLocal = operation is ILocalReferenceOperation;
                        break;
                }
            }

            if (root is null)
            {
                return (false, false, false, freshLocal);
            }

            bool leaves = false;
            foreach (var type in between)
            {
                leaves |= !IsCollection(type) && !SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, root.OriginalDefinition);
            }

            return (unknownLocal, leaves, end is not null && !SymbolEqualityComparer.Default.Equals(end.OriginalDefinition, root.OriginalDefinition), freshLocal);

            void Step(ITypeSymbol? type)
            {
                if (atEnd)
                {
                    end = type;
                    atEnd = false;
                }
                else if (type is not null)
                {
                    between.Add(type);
                }
            }

            static bool IsCollection(ITypeSymbol type) =>
                type is IArrayTypeSymbol
                || (type.SpecialType != SpecialType.System_String && type.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T));
        }

        private static bool IsCreation(IOperation value)
        {
            while (value is IConversionOperation or IParenthesizedOperation)
            {
                value = value is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)value).Operand;
            }

            return value is IObjectCreationOperation;
        }

        private static bool Append(StringBuilder builder, IOperation? operation, ValueOrigins? origins, bool summary, int depth)
        {
            if (depth > 16)
            {
                return false;
            }

            switch (operation)
            {
                case IInstanceReferenceOperation:
                    builder.Append(ThisPath);
                    return true;
                case IObjectCreationOperation:
                    builder.Append(FreshRoot);
                    return true;
                case ILocalReferenceOperation local:
                    if (origins?.Local(local.Local) is { } value)
                    {
                        if (!summary && IsCreation(value))
                        {
                            // `var mem = new MemoryLock()`: messages say "mem"; the instance is fresh all the same (Walk).
                            builder.Append(local.Local.Name);
                            return true;
                        }

                        return Append(builder, value, origins, summary, depth + 1);
                    }

                    if (summary)
                    {
                        return false;
                    }

                    builder.Append(local.Local.Name);
                    return true;
                case IParameterReferenceOperation parameter:
                    if (summary)
                    {
                        return false;
                    }

                    builder.Append(parameter.Parameter.Name);
                    return true;
                case IConversionOperation conversion:
                    return Append(builder, conversion.Operand, origins, summary, depth + 1);
                case IParenthesizedOperation parenthesized:
                    return Append(builder, parenthesized.Operand, origins, summary, depth + 1);
                case IFieldReferenceOperation field:
                    return AppendMember(builder, field.Instance, field.Field, origins, summary, depth);
                case IPropertyReferenceOperation { Arguments.IsEmpty: true } property when origins?.Getters?.FieldOf(property.Property) is { } field:
                    return AppendMember(builder, property.Instance, field, origins, summary, depth);
                case IPropertyReferenceOperation { Arguments.IsEmpty: true, Instance: { } owner } property when origins?.Getters?.ReturnsItsObject(property.Property) == true:
                    return Append(builder, owner, origins, summary, depth + 1);
                case IPropertyReferenceOperation { Arguments.IsEmpty: true } property:
                    return AppendMember(builder, property.Instance, property.Property, origins, summary, depth);
                case IPropertyReferenceOperation { Arguments.Length: 1 } indexer:
                    return Append(builder, indexer.Instance, origins, summary, depth + 1) && AppendIndex(builder, indexer.Arguments[0].Value, summary, depth);
                case IArrayElementReferenceOperation { Indices.Length: 1 } element:
                    return Append(builder, element.ArrayReference, origins, summary, depth + 1) && AppendIndex(builder, element.Indices[0], summary, depth);
                case ITypeOfOperation typeOf:
                    builder.Append("typeof(").Append(typeOf.TypeOperand.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)).Append(')');
                    return true;
                case ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } }:
                    builder.Append('"').Append(text).Append('"');
                    return true;
                case IFlowCaptureReferenceOperation capture when origins is not null:
                    return Append(builder, origins.Capture(capture), origins, summary, depth + 1);
                default:
                    return false;
            }
        }

        private static bool AppendMember(StringBuilder builder, IOperation? instance, ISymbol member, ValueOrigins? origins, bool summary, int depth)
        {
            if (member.IsStatic || instance is null)
            {
                if (summary && IsInGenericType(member))
                {
                    // Each construction of a generic type has its own static lock: which one a call reaches depends on
                    // type arguments the summary does not carry.
                    return false;
                }

                builder.Append(StaticPath(member));
                return true;
            }

            // "vmaLock" and "this.vmaLock" name the same field.
            if (instance is IInstanceReferenceOperation)
            {
                builder.Append("this.").Append(member.Name);
                return true;
            }

            if (!Append(builder, instance, origins, summary, depth + 1))
            {
                return false;
            }

            builder.Append('.').Append(member.Name);
            return true;
        }

        /// <summary>
        /// "[left]", "[(i + 1) % n]": an index written with names, constants and arithmetic only, so that the same text
        /// reads the same element within a body. Anything else (a call, an element of an element) is unknown; in a
        /// summary only a constant index means the same to the caller.
        /// </summary>
        private static bool AppendIndex(StringBuilder builder, IOperation index, bool summary, int depth)
        {
            if (summary ? !index.ConstantValue.HasValue : !IsPlainIndex(index, depth))
            {
                return false;
            }

            builder.Append('[').Append(index.Syntax.ToString()).Append(']');
            return true;
        }

        private static bool IsPlainIndex(IOperation? index, int depth)
        {
            if (depth > 16)
            {
                return false;
            }

            switch (index)
            {
                case ILocalReferenceOperation or IParameterReferenceOperation or ILiteralOperation:
                    return true;
                case IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation }:
                    return true;
                case IConversionOperation conversion:
                    return IsPlainIndex(conversion.Operand, depth + 1);
                case IParenthesizedOperation parenthesized:
                    return IsPlainIndex(parenthesized.Operand, depth + 1);
                case IBinaryOperation { OperatorMethod: null } binary:
                    return IsPlainIndex(binary.LeftOperand, depth + 1) && IsPlainIndex(binary.RightOperand, depth + 1);
                case IUnaryOperation { OperatorMethod: null } unary:
                    return IsPlainIndex(unary.Operand, depth + 1);
                default:
                    return index?.ConstantValue.HasValue == true;
            }
        }

        public bool Equals(LockInstance other) => string.Equals(Path, other.Path, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is LockInstance other && Equals(other);

        public override int GetHashCode() => Path is null ? 0 : StringComparer.Ordinal.GetHashCode(Path);

        public override string ToString() => Path ?? "?";
    }
}

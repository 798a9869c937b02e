using System;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockOrder.Analyzers.Model
{
    /// <summary>
    /// Which lock object an operation names, as the access path the code uses (<c>this.vmaLock</c>,
    /// <c>device.MemoryLock</c>, a local). Two paths that differ may still be the same object; two equal paths in
    /// one method body are treated as the same object. <see cref="Unknown"/> stands for "some lock of the class".
    /// </summary>
    internal readonly struct LockInstance : IEquatable<LockInstance>
    {
        internal static readonly LockInstance Unknown = default;

        [ThreadStatic]
        private static StringBuilder? spareBuilder;

        private LockInstance(string path) => Path = path;

        /// <summary>The access path, or <see langword="null"/> when unknown.</summary>
        internal string? Path { get; }

        internal bool IsKnown => Path is not null;

        /// <summary>
        /// The instance named by <paramref name="operation"/>. <paramref name="resolveCapture"/> maps a control-flow-graph
        /// flow capture back to the operation it captured; without it, captures are unknown instances.
        /// </summary>
        internal static LockInstance From(IOperation? operation, Func<IFlowCaptureReferenceOperation, IOperation?>? resolveCapture = null)
        {
            // The path of every lock call is built: one builder per thread serves them all.
            var builder = spareBuilder ?? new StringBuilder();
            spareBuilder = null;
            try
            {
                return Append(builder, operation, resolveCapture, depth: 0) ? new LockInstance(builder.ToString()) : Unknown;
            }
            finally
            {
                builder.Clear();
                spareBuilder = builder;
            }
        }

        private static bool Append(StringBuilder builder, IOperation? operation, Func<IFlowCaptureReferenceOperation, IOperation?>? resolveCapture, int depth)
        {
            if (depth > 16)
            {
                return false;
            }

            switch (operation)
            {
                case IInstanceReferenceOperation:
                    builder.Append("this");
                    return true;
                case ILocalReferenceOperation local:
                    builder.Append(local.Local.Name);
                    return true;
                case IParameterReferenceOperation parameter:
                    builder.Append(parameter.Parameter.Name);
                    return true;
                case IConversionOperation conversion:
                    return Append(builder, conversion.Operand, resolveCapture, depth + 1);
                case IParenthesizedOperation parenthesized:
                    return Append(builder, parenthesized.Operand, resolveCapture, depth + 1);
                case IFieldReferenceOperation field:
                    return AppendMember(builder, field.Instance, field.Field, resolveCapture, depth);
                case IPropertyReferenceOperation { Arguments.IsEmpty: true } property:
                    return AppendMember(builder, property.Instance, property.Property, resolveCapture, depth);
                case IFlowCaptureReferenceOperation capture when resolveCapture is not null:
                    return Append(builder, resolveCapture(capture), resolveCapture, depth + 1);
                default:
                    return false;
            }
        }

        private static bool AppendMember(StringBuilder builder, IOperation? instance, ISymbol member, Func<IFlowCaptureReferenceOperation, IOperation?>? resolveCapture, int depth)
        {
            if (member.IsStatic || instance is null)
            {
                builder.Append(member.ContainingType?.Name).Append('.').Append(member.Name);
                return true;
            }

            // "vmaLock" and "this.vmaLock" name the same field.
            if (instance is IInstanceReferenceOperation)
            {
                builder.Append("this.").Append(member.Name);
                return true;
            }

            if (!Append(builder, instance, resolveCapture, depth + 1))
            {
                return false;
            }

            builder.Append('.').Append(member.Name);
            return true;
        }

        public bool Equals(LockInstance other) => string.Equals(Path, other.Path, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is LockInstance other && Equals(other);

        public override int GetHashCode() => Path is null ? 0 : StringComparer.Ordinal.GetHashCode(Path);

        public override string ToString() => Path ?? "?";
    }
}

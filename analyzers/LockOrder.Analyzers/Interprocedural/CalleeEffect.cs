using System.Collections.Immutable;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>
    /// One effect a call carries into its caller, with one example path through the callee for messages
    /// ("ReadFromUser → UserBuffer.CopyFromUser").
    /// </summary>
    internal sealed class CalleeEffect
    {
        internal CalleeEffect(CalleeEffectKind kind, ITypeSymbol? lockClass, LockMode mode, ImmutableArray<string> path)
        {
            Kind = kind;
            LockClass = lockClass;
            Mode = mode;
            Path = path;
        }

        internal CalleeEffectKind Kind { get; }

        /// <summary>The lock class a <see cref="CalleeEffectKind.Acquire"/> takes; <see langword="null"/> for a fault.</summary>
        internal ITypeSymbol? LockClass { get; }

        internal LockMode Mode { get; }

        /// <summary>The chain of calls from the callee down to the operation with the effect, callee first.</summary>
        internal ImmutableArray<string> Path { get; }

        /// <summary>" via A → B" for a message, or "" when the callee itself is the operation.</summary>
        internal string DescribeVia() => Path.Length <= 1 ? string.Empty : " via " + string.Join(" → ", Path);
    }
}

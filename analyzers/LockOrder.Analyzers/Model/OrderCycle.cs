using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Model
{
    /// <summary>A cycle in the declared order (LOCK007): its lock classes in order, and the attributes that declare its edges.</summary>
    internal sealed class OrderCycle
    {
        internal OrderCycle(ImmutableArray<LockClass> classes, ImmutableArray<AttributeData> declarations)
        {
            Classes = classes;
            Declarations = declarations;
        }

        /// <summary>The classes around the cycle; the first is repeated implicitly at the end.</summary>
        internal ImmutableArray<LockClass> Classes { get; }

        /// <summary>The attributes that declare the cycle's edges.</summary>
        internal ImmutableArray<AttributeData> Declarations { get; }
    }
}

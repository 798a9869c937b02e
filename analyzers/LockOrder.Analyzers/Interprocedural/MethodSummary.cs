using System.Collections.Immutable;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>What calling a method may do to the caller's locks: the blocking acquisitions and user-memory access it may perform.</summary>
    internal sealed class MethodSummary
    {
        internal static readonly MethodSummary Empty = new MethodSummary(ImmutableArray<CalleeEffect>.Empty, incomplete: false);

        internal MethodSummary(ImmutableArray<CalleeEffect> effects, bool incomplete)
        {
            Effects = effects;
            Incomplete = incomplete;
        }

        internal ImmutableArray<CalleeEffect> Effects { get; }

        /// <summary>A bound (depth, size) was reached while computing the summary; the effects may be missing some.</summary>
        internal bool Incomplete { get; }
    }
}

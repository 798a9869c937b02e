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

        /// <summary>Whether the method may touch user memory (take MmapLock for read through a page fault).</summary>
        internal bool MayFault
        {
            get
            {
                foreach (var effect in Effects)
                {
                    if (effect.Kind == CalleeEffectKind.Fault)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        internal bool IsSameAs(MethodSummary other)
        {
            if (Incomplete != other.Incomplete || Effects.Length != other.Effects.Length)
            {
                return false;
            }

            for (int i = 0; i < Effects.Length; i++)
            {
                if (!Effects[i].IsSameAs(other.Effects[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public override string ToString() => (Incomplete ? "incomplete: " : string.Empty) + string.Join("; ", Effects);
    }
}

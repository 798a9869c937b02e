using System.Collections.Immutable;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>
    /// What calling a method may do to the caller's locks: the blocking acquisitions, user-memory access and blocking
    /// waits it may perform, and the delegate parameters it runs before returning (with the locks it holds then).
    /// </summary>
    internal sealed class MethodSummary
    {
        internal static readonly MethodSummary Empty = new MethodSummary(ImmutableArray<CalleeEffect>.Empty, incomplete: false);

        internal MethodSummary(ImmutableArray<CalleeEffect> effects, bool incomplete)
            : this(effects, ImmutableArray<ParameterInvocation>.Empty, incomplete)
        {
        }

        internal MethodSummary(ImmutableArray<CalleeEffect> effects, ImmutableArray<ParameterInvocation> invokedParameters, bool incomplete)
        {
            Effects = effects;
            InvokedParameters = invokedParameters;
            Incomplete = incomplete;
        }

        internal ImmutableArray<CalleeEffect> Effects { get; }

        /// <summary>The delegate parameters the method runs before it returns, one entry per parameter, in ordinal order.</summary>
        internal ImmutableArray<ParameterInvocation> InvokedParameters { get; }

        /// <summary>How the method runs its parameter <paramref name="ordinal"/>, or null when it does not run it.</summary>
        internal ParameterInvocation? Invocation(int ordinal)
        {
            foreach (var invocation in InvokedParameters)
            {
                if (invocation.Ordinal == ordinal)
                {
                    return invocation;
                }
            }

            return null;
        }

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
            if (Incomplete != other.Incomplete || Effects.Length != other.Effects.Length || InvokedParameters.Length != other.InvokedParameters.Length)
            {
                return false;
            }

            for (int i = 0; i < InvokedParameters.Length; i++)
            {
                if (!InvokedParameters[i].IsSameAs(other.InvokedParameters[i]))
                {
                    return false;
                }
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

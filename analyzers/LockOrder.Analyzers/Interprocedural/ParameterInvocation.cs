using System.Collections.Immutable;
using System.Linq;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>
    /// A delegate parameter a method runs before it returns (directly, or by handing it to a method that does), with
    /// the locks the method may hold at that point: what a caller passes for it runs under the caller's locks plus these
    /// (DESIGN §14: <c>pci_walk_bus</c> runs its callback under the bus lock).
    /// </summary>
    internal sealed class ParameterInvocation
    {
        internal ParameterInvocation(int ordinal, ImmutableArray<HeldAtInvocation> held, ImmutableArray<string> path)
        {
            Ordinal = ordinal;
            Held = held;
            Path = path;
        }

        internal int Ordinal { get; }

        /// <summary>The locks the method (or a callee it hands the delegate to) may hold when it runs the delegate.</summary>
        internal ImmutableArray<HeldAtInvocation> Held { get; }

        /// <summary>The methods from the called one down to the one that runs the delegate ("Bus.Walk → Bus.WalkSlots").</summary>
        internal ImmutableArray<string> Path { get; }

        internal bool IsSameAs(ParameterInvocation other)
        {
            if (Ordinal != other.Ordinal || Held.Length != other.Held.Length || !Path.SequenceEqual(other.Path))
            {
                return false;
            }

            for (int i = 0; i < Held.Length; i++)
            {
                if (!Held[i].LockClass.Equals(other.Held[i].LockClass) || Held[i].Mode != other.Held[i].Mode || !Held[i].Instance.Equals(other.Held[i].Instance))
                {
                    return false;
                }
            }

            return true;
        }
    }
}

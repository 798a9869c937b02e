using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>
    /// Collects the delegate parameters one summary says its method runs: one entry per parameter, holding every lock held
    /// at any of its invocations (each such lock is held where the callback runs on some path) and the shortest path.
    /// </summary>
    internal sealed class ParameterInvocationsBuilder
    {
        private readonly SortedDictionary<int, (List<HeldAtInvocation> Held, ImmutableArray<string> Path)> byOrdinal = new SortedDictionary<int, (List<HeldAtInvocation>, ImmutableArray<string>)>();

        internal void Add(int ordinal, ImmutableArray<HeldAtInvocation> held, ImmutableArray<string> path)
        {
            if (!byOrdinal.TryGetValue(ordinal, out var known))
            {
                byOrdinal[ordinal] = (new List<HeldAtInvocation>(Distinct(held)), path);
                return;
            }

            foreach (var lockHeld in held)
            {
                if (!known.Held.Any(h => h.LockClass.Equals(lockHeld.LockClass) && h.Instance.Equals(lockHeld.Instance)))
                {
                    known.Held.Add(lockHeld);
                }
            }

            if (path.Length < known.Path.Length)
            {
                byOrdinal[ordinal] = (known.Held, path);
            }
        }

        internal ImmutableArray<ParameterInvocation> ToImmutable() =>
            byOrdinal.Select(pair => new ParameterInvocation(
                pair.Key,
                pair.Value.Held.OrderBy(h => h.LockClass.Id, System.StringComparer.Ordinal).ThenBy(h => h.Instance.Path ?? string.Empty, System.StringComparer.Ordinal).ToImmutableArray(),
                pair.Value.Path)).ToImmutableArray();

        private static IEnumerable<HeldAtInvocation> Distinct(ImmutableArray<HeldAtInvocation> held)
        {
            var seen = new List<HeldAtInvocation>();
            foreach (var lockHeld in held)
            {
                if (!seen.Any(h => h.LockClass.Equals(lockHeld.LockClass) && h.Instance.Equals(lockHeld.Instance)))
                {
                    seen.Add(lockHeld);
                    yield return lockHeld;
                }
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LockOrder.Analyzers.Model;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>
    /// Collects the effects of one summary, keeping one representative per kind and lock class (see
    /// <see cref="CalleeEffect.IsPreferredOver"/>): what matters at a call site is which lock classes the callee may
    /// wait for and whether it may fault, not every path by which it does so. Where the callee takes two instances of
    /// one class, the representative's instance is unknown.
    /// </summary>
    internal sealed class EffectSetBuilder
    {
        private CalleeEffect? fault;
        private CalleeEffect? wait;
        private readonly Dictionary<LockClass, CalleeEffect> acquisitions = new Dictionary<LockClass, CalleeEffect>();
        private HashSet<LockClass>? severalInstances;

        internal void Add(CalleeEffect effect)
        {
            if (effect.Kind == CalleeEffectKind.Fault)
            {
                fault = Merge(fault, effect);
                return;
            }

            if (effect.Kind == CalleeEffectKind.Wait)
            {
                wait = Merge(wait, effect);
                return;
            }

            if (effect.LockClass is null)
            {
                return;
            }

            if (!acquisitions.TryGetValue(effect.LockClass, out var known))
            {
                acquisitions[effect.LockClass] = effect;
                return;
            }

            if (!known.Instance.Equals(effect.Instance))
            {
                (severalInstances ??= new HashSet<LockClass>()).Add(effect.LockClass);
            }

            acquisitions[effect.LockClass] = Merge(known, effect);
        }

        /// <summary>
        /// One effect for two of a kind: the preferred representative, guarded only if both are guarded alike (an effect
        /// that needs <c>held == false</c> on one path and nothing on another may happen whatever <c>held</c> is).
        /// </summary>
        private static CalleeEffect Merge(CalleeEffect? known, CalleeEffect effect)
        {
            if (known is null)
            {
                return effect;
            }

            var representative = effect.IsPreferredOver(known) ? effect : known;
            return representative.WithGuard(ParameterGuard.Either(known.Guard, effect.Guard));
        }

        internal void AddRange(IEnumerable<CalleeEffect> effects)
        {
            foreach (var effect in effects)
            {
                Add(effect);
            }
        }

        /// <summary>The effects in a fixed order: the fault first, then the wait, then acquisitions by lock class name.</summary>
        internal ImmutableArray<CalleeEffect> ToImmutable()
        {
            var result = ImmutableArray.CreateBuilder<CalleeEffect>(acquisitions.Count + (fault is null ? 0 : 1) + (wait is null ? 0 : 1));
            if (fault is not null)
            {
                result.Add(fault);
            }

            if (wait is not null)
            {
                result.Add(wait);
            }

            foreach (var effect in acquisitions.Values.OrderBy(e => SortKey(e.LockClass!), StringComparer.Ordinal))
            {
                result.Add(severalInstances?.Contains(effect.LockClass!) == true ? effect.WithUnknownInstance() : effect);
            }

            return result.MoveToImmutable();
        }

        internal static string SortKey(LockClass lockClass) =>
            lockClass.Id + "," + lockClass.Symbol?.ContainingAssembly?.Identity.Name;
    }
}

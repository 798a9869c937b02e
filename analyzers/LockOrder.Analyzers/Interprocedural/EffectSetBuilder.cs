using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LockOrder.Analyzers.Model;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>
    /// Collects the effects of one summary, keeping one representative per kind, lock class and instance (see
    /// <see cref="CalleeEffect.IsPreferredOver"/>): what matters at a call site is which locks the callee may wait for
    /// and whether it may fault, not every path by which it does so. A class the callee takes on up to
    /// <see cref="MaxInstancesPerClass"/> known instances keeps each of them; past that, or where one is unknown, the
    /// class has one effect of unknown instance.
    /// </summary>
    /// <remarks>
    /// Why instances are kept apart: a call on an object the caller just created (<c>new Connector(this).Cancel()</c>)
    /// takes that object's locks, which no other thread can hold — unless one of them was merged with another path's
    /// (<c>this._buffer.Connector._cleanupLock</c>, a back-pointer) into "some lock of the class", which then looked
    /// contended and closed a cycle no schedule can.
    /// </remarks>
    internal sealed class EffectSetBuilder
    {
        /// <summary>Known instances of one lock class a summary keeps apart.</summary>
        internal const int MaxInstancesPerClass = 4;

        private CalleeEffect? fault;
        private CalleeEffect? wait;
        private readonly Dictionary<LockClass, ClassEffects> acquisitions = new Dictionary<LockClass, ClassEffects>();

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
                acquisitions[effect.LockClass] = known = new ClassEffects();
            }

            known.Add(effect);
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

        /// <summary>The effects in a fixed order: the fault first, then the wait, then acquisitions by lock class name and instance path.</summary>
        internal ImmutableArray<CalleeEffect> ToImmutable()
        {
            var result = ImmutableArray.CreateBuilder<CalleeEffect>();
            if (fault is not null)
            {
                result.Add(fault);
            }

            if (wait is not null)
            {
                result.Add(wait);
            }

            foreach (var pair in acquisitions.OrderBy(p => SortKey(p.Key), StringComparer.Ordinal))
            {
                pair.Value.AddTo(result);
            }

            return result.ToImmutable();
        }

        internal static string SortKey(LockClass lockClass) =>
            lockClass.Id + "," + lockClass.Symbol?.ContainingAssembly?.Identity.Name;

        /// <summary>The effects of one lock class: one per known instance, or, once collapsed, one of unknown instance.</summary>
        private sealed class ClassEffects
        {
            private readonly Dictionary<string, CalleeEffect> byInstance = new Dictionary<string, CalleeEffect>(StringComparer.Ordinal);

            /// <summary>The one effect of unknown instance standing for all, once an unknown instance or too many known ones were seen.</summary>
            private CalleeEffect? collapsed;

            internal void Add(CalleeEffect effect)
            {
                if (collapsed is not null)
                {
                    collapsed = Merge(collapsed, effect.WithUnknownInstance());
                    return;
                }

                if (!effect.Instance.IsKnown || (byInstance.Count == MaxInstancesPerClass && !byInstance.ContainsKey(effect.Instance.Path!)))
                {
                    collapsed = effect.WithUnknownInstance();
                    foreach (var known in byInstance.Values)
                    {
                        collapsed = Merge(collapsed, known.WithUnknownInstance());
                    }

                    byInstance.Clear();
                    return;
                }

                byInstance.TryGetValue(effect.Instance.Path!, out var same);
                byInstance[effect.Instance.Path!] = Merge(same, effect);
            }

            internal void AddTo(ImmutableArray<CalleeEffect>.Builder result)
            {
                if (collapsed is not null)
                {
                    result.Add(collapsed);
                    return;
                }

                foreach (var pair in byInstance.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    result.Add(pair.Value);
                }
            }
        }
    }
}

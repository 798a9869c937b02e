using System;
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
        /// <summary>Paths longer than this keep their head and their last step ("A → B → … → UserBuffer.CopyFromUser").</summary>
        internal const int MaxPathLength = 12;

        internal const string Elision = "…";

        internal CalleeEffect(CalleeEffectKind kind, LockClass? lockClass, LockMode mode, ImmutableArray<string> path, LockInstance instance = default, ParameterGuard? guard = null)
        {
            Kind = kind;
            LockClass = lockClass;
            Mode = mode;
            Path = path;
            Instance = instance;
            Guard = guard;
        }

        internal CalleeEffectKind Kind { get; }

        /// <summary>The lock class a <see cref="CalleeEffectKind.Acquire"/> takes; <see langword="null"/> for a fault.</summary>
        internal LockClass? LockClass { get; }

        /// <summary>
        /// Which lock of the class, as a path from the callee's <c>this</c> (or a static one), so that a call can say
        /// whether it is the lock its caller holds (DESIGN §12); unknown where the callee takes different ones.
        /// </summary>
        internal LockInstance Instance { get; }

        internal LockMode Mode { get; }

        /// <summary>The chain of calls from the callee down to the operation with the effect, callee first.</summary>
        internal ImmutableArray<string> Path { get; }

        /// <summary>The value of one of the summarized method's <c>bool</c> parameters the effect needs; null: it may happen whatever they are.</summary>
        internal ParameterGuard? Guard { get; }

        /// <summary>The same effect under <paramref name="guard"/> instead.</summary>
        internal CalleeEffect WithGuard(ParameterGuard? guard) =>
            Equals(guard, Guard) ? this : new CalleeEffect(Kind, LockClass, Mode, Path, Instance, guard);

        /// <summary>" via A → B" for a message, or "" when the callee itself is the operation.</summary>
        internal string DescribeVia() => Path.Length <= 1 ? string.Empty : " via " + string.Join(" → ", Path);

        /// <summary>
        /// The same effect seen one call further out: <paramref name="caller"/> is prepended to the path, and the
        /// callee's <c>this</c> becomes the call's <paramref name="receiver"/> (a path in the caller's summary).
        /// </summary>
        internal CalleeEffect CalledFrom(string caller, LockInstance receiver)
        {
            var path = Path.Insert(0, caller);
            if (path.Length > MaxPathLength)
            {
                // Keep where the path starts (what the user called) and where it ends (what touches the lock or
                // user memory); the middle of a very deep chain adds nothing to the message.
                var builder = ImmutableArray.CreateBuilder<string>(MaxPathLength);
                for (int i = 0; i < MaxPathLength - 2; i++)
                {
                    builder.Add(path[i]);
                }

                builder.Add(Elision);
                builder.Add(path[path.Length - 1]);
                path = builder.MoveToImmutable();
            }

            return new CalleeEffect(Kind, LockClass, Mode, path, Instance.Rebase(receiver), Guard);
        }

        /// <summary>
        /// The same effect reached through a delegate: <paramref name="prefix"/> (the methods that ran it) comes first, and
        /// the target's own step reads "callback Target".
        /// </summary>
        internal CalleeEffect ThroughCallback(ImmutableArray<string> prefix, string callback)
        {
            var path = Path.IsEmpty ? ImmutableArray.Create(callback) : Path.SetItem(0, callback);
            var effect = new CalleeEffect(Kind, LockClass, Mode, path, Instance);
            for (int i = prefix.Length - 1; i >= 0; i--)
            {
                effect = effect.CalledFrom(prefix[i], LockInstance.This);
            }

            return effect;
        }

        /// <summary>The same effect, for a lock of the class whose instance is not known.</summary>
        internal CalleeEffect WithUnknownInstance() =>
            Instance.IsKnown ? new CalleeEffect(Kind, LockClass, Mode, Path, LockInstance.Unknown, Guard) : this;

        /// <summary>
        /// Whether this effect is a better representative than <paramref name="other"/> of the same kind and lock
        /// class: the exclusive mode (the stronger claim), then the shorter path, then the ordinal-first path. A total
        /// order, so that summaries do not depend on the order in which callees were visited.
        /// </summary>
        internal bool IsPreferredOver(CalleeEffect other)
        {
            if (Mode != other.Mode)
            {
                return Mode == LockMode.Exclusive;
            }

            if (Path.Length != other.Path.Length)
            {
                return Path.Length < other.Path.Length;
            }

            for (int i = 0; i < Path.Length; i++)
            {
                int comparison = string.CompareOrdinal(Path[i], other.Path[i]);
                if (comparison != 0)
                {
                    return comparison < 0;
                }
            }

            return false;
        }

        internal bool IsSameAs(CalleeEffect other)
        {
            if (Kind != other.Kind || Mode != other.Mode || Path.Length != other.Path.Length
                || !Equals(LockClass, other.LockClass) || !Instance.Equals(other.Instance) || !Equals(Guard, other.Guard))
            {
                return false;
            }

            for (int i = 0; i < Path.Length; i++)
            {
                if (!string.Equals(Path[i], other.Path[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        public override string ToString() =>
            (Kind == CalleeEffectKind.Fault ? "fault" : Kind == CalleeEffectKind.Wait ? "wait" : "acquire " + LockClass?.Display + " (" + Mode + ")") + " via " + string.Join(" → ", Path);
    }
}

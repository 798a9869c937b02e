using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Flow
{
    /// <summary>
    /// The facts at one program point: the held locks (in acquisition order), the scopes whose disposal releases one
    /// of them, the try-acquisition results not yet tested, the boolean locals whose value is known (the
    /// <c>ref bool taken</c> of <c>Monitor.Enter</c>), and the locks the caller holds that the body let go of and owes
    /// back. Immutable; equality is structural so the fixpoint can tell when nothing changes any more.
    /// </summary>
    internal sealed class LockState : IEquatable<LockState>
    {
        /// <summary>Bound on the held set: past it new acquisitions are not tracked (and the analysis says so, LOCK011).</summary>
        internal const int MaxHeldLocks = 32;

        internal static readonly LockState Empty = new LockState(
            ImmutableArray<HeldLock>.Empty,
            ImmutableDictionary<ValueKey, HeldLock>.Empty,
            ImmutableDictionary<ValueKey, HeldLock>.Empty,
            ImmutableDictionary<ValueKey, bool>.Empty,
            ImmutableArray<HeldLock>.Empty);

        private LockState(ImmutableArray<HeldLock> held, ImmutableDictionary<ValueKey, HeldLock> scopes, ImmutableDictionary<ValueKey, HeldLock> pendingTries, ImmutableDictionary<ValueKey, bool> knownFlags, ImmutableArray<HeldLock> dropped)
        {
            Held = held;
            Scopes = scopes;
            PendingTries = pendingTries;
            KnownFlags = knownFlags;
            Dropped = dropped;
        }

        internal ImmutableArray<HeldLock> Held { get; }

        /// <summary>Scope values (a local or a capture) and the lock their <c>Dispose</c> releases.</summary>
        internal ImmutableDictionary<ValueKey, HeldLock> Scopes { get; }

        /// <summary>Boolean values that hold a try-acquisition's result, and the lock that is held when it is true.</summary>
        internal ImmutableDictionary<ValueKey, HeldLock> PendingTries { get; }

        /// <summary>
        /// Boolean locals whose value is known here: <c>bool taken = false</c>, and the <c>taken</c> a blocking
        /// <c>Monitor.Enter(o, ref taken)</c> leaves true — so the <c>if (taken) Monitor.Exit(o)</c> of its finally block
        /// releases on exactly the paths that took the lock.
        /// </summary>
        internal ImmutableDictionary<ValueKey, bool> KnownFlags { get; }

        /// <summary>
        /// Locks the caller holds by the body's own <c>[Requires]</c> that the body released: a drop-and-retake must
        /// take them again before it returns, and taking one again is giving the caller's lock back, not a new hold.
        /// </summary>
        internal ImmutableArray<HeldLock> Dropped { get; }

        internal bool HasDefinitelyHeld
        {
            get
            {
                foreach (var held in Held)
                {
                    if (!held.IsMaybe)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        internal HeldLock? Find(LockClass lockClass, LockInstance instance)
        {
            foreach (var held in Held)
            {
                if (held.IsSameLock(lockClass, instance))
                {
                    return held;
                }
            }

            return null;
        }

        /// <summary>The lock <paramref name="other"/> names here: the same path, or the same class where one path is unknown.</summary>
        internal HeldLock? FindCounterpart(HeldLock other) =>
            Find(other.LockClass, other.Instance) ?? FindUnifiable(other, new HashSet<HeldLock>());

        /// <summary>A lock of <paramref name="other"/>'s class that may be the same object: one of the two instances is unknown.</summary>
        private HeldLock? FindUnifiable(HeldLock other, HashSet<HeldLock> taken)
        {
            foreach (var held in Held)
            {
                if (!taken.Contains(held)
                    && held.LockClass.Equals(other.LockClass)
                    && (!held.Instance.IsKnown || !other.Instance.IsKnown))
                {
                    return held;
                }
            }

            return null;
        }

        /// <summary>The state with <paramref name="added"/> held; a lock already held stays as it is, made definite.</summary>
        internal LockState Add(HeldLock added, out bool overflow) => Add(added, out overflow, out _);

        /// <summary>As <see cref="Add(HeldLock, out bool)"/>; <paramref name="entry"/> is the lock as the new state holds it (null past the bound).</summary>
        internal LockState Add(HeldLock added, out bool overflow, out HeldLock? entry)
        {
            overflow = false;
            for (int i = 0; i < Held.Length; i++)
            {
                if (Held[i].IsSameLock(added))
                {
                    var existing = Held[i];
                    var merged = existing.With(LockModes.Stronger(existing.Mode, added.Mode), isMaybe: false)
                        .WithDepth(existing.IsMaybe ? existing.Depth : existing.Depth + 1);
                    entry = merged.Equals(Held[i]) ? Held[i] : merged;
                    return ReferenceEquals(entry, Held[i]) ? this : With(Held.SetItem(i, merged));
                }
            }

            if (Held.Length >= MaxHeldLocks)
            {
                overflow = true;
                entry = null;
                return this;
            }

            entry = added;
            return With(Held.Add(added));
        }

        /// <summary>The state after one release of <paramref name="held"/>: one level less, or gone.</summary>
        internal LockState Remove(HeldLock held)
        {
            int index = IndexOf(held);
            if (index < 0)
            {
                return this;
            }

            return held.Depth > 1
                ? With(Held.SetItem(index, held.WithDepth(held.Depth - 1)))
                : With(Held.RemoveAt(index));
        }

        /// <summary>The state without <paramref name="held"/> at all, whatever its depth.</summary>
        internal LockState Without(HeldLock held)
        {
            int index = IndexOf(held);
            return index < 0 ? this : With(Held.RemoveAt(index));
        }

        internal LockState Replace(HeldLock old, HeldLock replacement)
        {
            int index = IndexOf(old);
            return index < 0 ? this : With(Held.SetItem(index, replacement));
        }

        /// <summary>Where <paramref name="held"/> is in the held set: callers pass a lock they just found here, so identity decides first.</summary>
        private int IndexOf(HeldLock held)
        {
            for (int i = 0; i < Held.Length; i++)
            {
                if (ReferenceEquals(Held[i], held))
                {
                    return i;
                }
            }

            return Held.IndexOf(held);
        }

        internal LockState WithScope(ValueKey key, HeldLock? scope) =>
            scope is null
                ? (Scopes.ContainsKey(key) ? new LockState(Held, Scopes.Remove(key), PendingTries, KnownFlags, Dropped) : this)
                : new LockState(Held, Scopes.SetItem(key, scope), PendingTries, KnownFlags, Dropped);

        /// <summary>The state once <paramref name="key"/> holds a value that is neither a scope nor a try-acquisition's result.</summary>
        internal LockState Forget(ValueKey key) => WithScope(key, null).WithPendingTry(key, null).WithFlag(key, null);

        internal LockState WithPendingTry(ValueKey key, HeldLock? candidate) =>
            candidate is null
                ? (PendingTries.ContainsKey(key) ? new LockState(Held, Scopes, PendingTries.Remove(key), KnownFlags, Dropped) : this)
                : new LockState(Held, Scopes, PendingTries.SetItem(key, candidate), KnownFlags, Dropped);

        internal LockState WithFlag(ValueKey key, bool? value) =>
            value is null
                ? (KnownFlags.ContainsKey(key) ? new LockState(Held, Scopes, PendingTries, KnownFlags.Remove(key), Dropped) : this)
                : KnownFlags.TryGetValue(key, out bool known) && known == value.Value ? this
                : new LockState(Held, Scopes, PendingTries, KnownFlags.SetItem(key, value.Value), Dropped);

        /// <summary>The state after the body released <paramref name="required"/>, a lock its caller holds (<see cref="Dropped"/>).</summary>
        internal LockState Drop(HeldLock required)
        {
            int index = IndexOf(required);
            return index < 0 ? this : new LockState(Held.RemoveAt(index), Scopes, PendingTries, KnownFlags, Dropped.Add(required.WithDepth(1)));
        }

        /// <summary>
        /// The state after the body took <paramref name="retaken"/>, a lock of a class it had dropped: the caller's lock is
        /// held again, as it was on entry (with the instance the body named). Null when no dropped lock is of that class.
        /// </summary>
        internal LockState? Retake(HeldLock retaken)
        {
            for (int i = 0; i < Dropped.Length; i++)
            {
                var dropped = Dropped[i];
                if (retaken.LockClass.IsSameOrDerivedFrom(dropped.LockClass) || dropped.LockClass.IsSameOrDerivedFrom(retaken.LockClass))
                {
                    var restored = new HeldLock(dropped.LockClass, retaken.Instance.IsKnown ? retaken.Instance : dropped.Instance, dropped.Mode, dropped.AcquiredAt, dropped.Origin, isMaybe: false);
                    return new LockState(Held.Add(restored), Scopes, PendingTries, KnownFlags, Dropped.RemoveAt(i));
                }
            }

            return null;
        }

        private LockState With(ImmutableArray<HeldLock> held) => new LockState(held, Scopes, PendingTries, KnownFlags, Dropped);

        /// <summary>
        /// Where paths meet: a lock held on every incoming path stays held (the stronger mode wins, marked maybe when
        /// the modes differ); a lock held on some paths only becomes "maybe held".
        /// </summary>
        internal static LockState Join(LockState left, LockState right)
        {
            if (left.Equals(right))
            {
                return left;
            }

            var held = ImmutableArray.CreateBuilder<HeldLock>(left.Held.Length + right.Held.Length);
            var matched = new HashSet<HeldLock>();
            var explained = new List<(ValueKey Flag, HeldLock Lock)>();
            foreach (var mine in left.Held)
            {
                var theirs = right.Find(mine.LockClass, mine.Instance) ?? right.FindUnifiable(mine, matched);
                if (theirs is not null)
                {
                    matched.Add(theirs);
                }

                if (theirs is null)
                {
                    held.Add(mine.With(mine.Mode, isMaybe: true));
                    if (left.ExplainedByFlag(mine, right) is { } flag)
                    {
                        explained.Add((flag, mine.With(mine.Mode, isMaybe: false)));
                    }

                    continue;
                }

                bool maybe = mine.IsMaybe || theirs.IsMaybe || mine.Mode != theirs.Mode || mine.Depth != theirs.Depth;
                var mode = LockModes.Stronger(mine.Mode, theirs.Mode);
                // A lock named only by its class (a contract such as [Acquires(typeof(MemoryLock))]) and the same class
                // named by a path on the other side are one lock: the joined lock keeps the unknown instance.
                var first = !mine.Instance.Equals(theirs.Instance) ? (mine.Instance.IsKnown ? theirs : mine)
                    : ComparePosition(theirs.AcquiredAt, mine.AcquiredAt) < 0 ? theirs : mine;
                held.Add(first.With(mode, maybe).WithDepth(mine.Depth > theirs.Depth ? mine.Depth : theirs.Depth));
            }

            foreach (var theirs in right.Held)
            {
                if (!matched.Contains(theirs) && held.Count < MaxHeldLocks)
                {
                    held.Add(theirs.With(theirs.Mode, isMaybe: true));
                    if (right.ExplainedByFlag(theirs, left) is { } flag)
                    {
                        explained.Add((flag, theirs.With(theirs.Mode, isMaybe: false)));
                    }
                }
            }

            var scopes = left.Scopes;
            foreach (var pair in right.Scopes)
            {
                if (!scopes.ContainsKey(pair.Key))
                {
                    scopes = scopes.Add(pair.Key, pair.Value);
                }
            }

            // A try-acquisition's result that is known false on the other path still says what holds when it is true:
            // `x.TryEnter() && y.TryEnter()` is false on the path where x failed, and on its true path holds y (and x).
            var pending = left.PendingTries;
            foreach (var pair in left.PendingTries)
            {
                // Two try-acquisitions of the same lock on the two paths (`async ? await s.WaitAsync(t) : s.Wait(t)`) are one.
                bool keep = right.PendingTries.TryGetValue(pair.Key, out var other)
                    ? other.IsSameLock(pair.Value)
                    : right.KnownFlags.TryGetValue(pair.Key, out bool flag) && !flag;
                if (!keep)
                {
                    pending = pending.Remove(pair.Key);
                }
            }

            foreach (var pair in right.PendingTries)
            {
                if (!left.PendingTries.ContainsKey(pair.Key) && left.KnownFlags.TryGetValue(pair.Key, out bool flag) && !flag)
                {
                    pending = pending.Add(pair.Key, pair.Value);
                }
            }

            // A lock held on one side only, because a flag says so (Monitor.Enter(o, ref taken) on one path, a failed
            // TryEnter on the other): past the join it is held where the flag is true.
            foreach (var (flag, candidate) in explained)
            {
                pending = pending.SetItem(flag, candidate);
            }

            var flags = left.KnownFlags;
            foreach (var pair in left.KnownFlags)
            {
                if (!right.KnownFlags.TryGetValue(pair.Key, out bool other) || other != pair.Value)
                {
                    flags = flags.Remove(pair.Key);
                }
            }

            var dropped = left.Dropped;
            foreach (var theirs in right.Dropped)
            {
                if (!dropped.Contains(theirs))
                {
                    dropped = dropped.Add(theirs);
                }
            }

            return new LockState(held.ToImmutable(), scopes, pending, flags, dropped);
        }

        /// <summary>
        /// The boolean local that says whether <paramref name="held"/> (held here, not in <paramref name="other"/>) is
        /// held: here it is true (or is a try-acquisition's pending result for this lock), there it is false (or pending).
        /// Null when no flag explains why the two paths disagree.
        /// </summary>
        internal ValueKey? ExplainedByFlag(HeldLock held, LockState other)
        {
            foreach (var pair in KnownFlags)
            {
                // `if (lockHeld) Enter();` leaves the lock held on one path: LOCK005, as before parameters were known.
                if (pair.Value && !pair.Key.IsParameter && SaysNotHeld(other, pair.Key, held))
                {
                    return pair.Key;
                }
            }

            foreach (var pair in PendingTries)
            {
                if (pair.Value.IsSameLock(held) && SaysNotHeld(other, pair.Key, held))
                {
                    return pair.Key;
                }
            }

            return null;

            static bool SaysNotHeld(LockState state, ValueKey key, HeldLock held) =>
                (state.KnownFlags.TryGetValue(key, out bool value) && !value)
                || (state.PendingTries.TryGetValue(key, out var pending) && pending.IsSameLock(held));
        }

        internal static int ComparePosition(Location left, Location right)
        {
            int comparison = string.CompareOrdinal(left.SourceTree?.FilePath ?? string.Empty, right.SourceTree?.FilePath ?? string.Empty);
            return comparison != 0 ? comparison : left.SourceSpan.Start.CompareTo(right.SourceSpan.Start);
        }

        public bool Equals(LockState? other)
        {
            if (other is null)
            {
                return false;
            }

            if (ReferenceEquals(this, other))
            {
                return true;
            }

            if (Held.Length != other.Held.Length || Scopes.Count != other.Scopes.Count || PendingTries.Count != other.PendingTries.Count
                || KnownFlags.Count != other.KnownFlags.Count || Dropped.Length != other.Dropped.Length)
            {
                return false;
            }

            for (int i = 0; i < Held.Length; i++)
            {
                if (!Held[i].Equals(other.Held[i]))
                {
                    return false;
                }
            }

            for (int i = 0; i < Dropped.Length; i++)
            {
                if (!Dropped[i].Equals(other.Dropped[i]))
                {
                    return false;
                }
            }

            foreach (var pair in KnownFlags)
            {
                if (!other.KnownFlags.TryGetValue(pair.Key, out bool value) || value != pair.Value)
                {
                    return false;
                }
            }

            return SameEntries(Scopes, other.Scopes) && SameEntries(PendingTries, other.PendingTries);
        }

        public override bool Equals(object? obj) => obj is LockState other && Equals(other);

        public override int GetHashCode()
        {
            int hash = (Scopes.Count * 7) + (PendingTries.Count * 3) + KnownFlags.Count + (Dropped.Length * 11);
            foreach (var held in Held)
            {
                hash = (hash * 31) + held.GetHashCode();
            }

            return hash;
        }

        public override string ToString() => "{" + string.Join(", ", Held) + "}";

        private static bool SameEntries(ImmutableDictionary<ValueKey, HeldLock> left, ImmutableDictionary<ValueKey, HeldLock> right)
        {
            foreach (KeyValuePair<ValueKey, HeldLock> pair in left)
            {
                if (!right.TryGetValue(pair.Key, out var other) || !other.Equals(pair.Value))
                {
                    return false;
                }
            }

            return true;
        }
    }
}

using System;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockOrder.Analyzers.Flow
{
    /// <summary>
    /// One lock in the held set at a program point: its class, the instance path the code used, the mode, where it
    /// was taken (the additional location of every diagnostic about it), and whether it is held on every path that
    /// reaches the point or only on some (<see cref="IsMaybe"/>, already reported where the paths join).
    /// </summary>
    internal sealed class HeldLock : IEquatable<HeldLock>
    {
        /// <summary>Bound on the nesting counted per lock, so that a loop that keeps taking a lock still reaches a fixpoint.</summary>
        internal const int MaxDepth = 4;

        internal HeldLock(LockClass lockClass, LockInstance instance, LockMode mode, Location acquiredAt, HeldLockOrigin origin, bool isMaybe, int depth = 1, LockStatementSyntax? lockStatement = null)
        {
            LockStatement = lockStatement;
            Depth = depth;
            LockClass = lockClass;
            Instance = instance;
            Mode = mode;
            AcquiredAt = acquiredAt;
            Origin = origin;
            IsMaybe = isMaybe;
        }

        internal LockClass LockClass { get; }

        internal LockInstance Instance { get; }

        internal LockMode Mode { get; }

        internal Location AcquiredAt { get; }

        internal HeldLockOrigin Origin { get; }

        /// <summary>
        /// The <c>lock</c> statement whose end releases the lock, where the control-flow graph does not show its end: a
        /// <c>lock</c> on a <c>System.Threading.Lock</c> is one operation there, followed by its body's operations with no
        /// release at all (so it is released where the flow leaves the statement's body).
        /// </summary>
        internal LockStatementSyntax? LockStatement { get; }

        /// <summary>
        /// Held on some incoming paths only. Such a lock is not used for order, user-memory or await checks (the join
        /// already reported it, and guessing would only add follow-on errors), and releasing it is not an error.
        /// </summary>
        internal bool IsMaybe { get; }

        /// <summary>
        /// How many times the lock was taken without being released (a recursive acquisition was already LOCK004;
        /// counting it keeps the matching releases from being reported as releases of a lock not held).
        /// </summary>
        internal int Depth { get; }

        /// <summary>"MemoryLock", "MemoryLock (this.memoryLock)", "Cache._sync" or "Cache._sync (other._sync)" for messages.</summary>
        internal string Describe() => Describe(LockClass, Instance);

        /// <summary>
        /// A lock as messages name it: its class, and the instance where it says more than the class — a BCL lock member
        /// reached as its own object's member (<c>this._sync</c>) is just <c>Cache._sync</c>.
        /// </summary>
        internal static string Describe(LockClass lockClass, LockInstance instance)
        {
            bool plainMember = lockClass.Member is { } member
                && (instance.Path == "this." + member.Name || instance.Path == LockInstance.StaticPath(member));
            return lockClass.Display + (instance.IsKnown && !plainMember ? " (" + instance.Path + ")" : string.Empty);
        }

        internal bool IsSameLock(LockClass lockClass, LockInstance instance) =>
            LockClass.Equals(lockClass) && Instance.Equals(instance);

        internal bool IsSameLock(HeldLock other) => IsSameLock(other.LockClass, other.Instance);

        internal HeldLock With(LockMode mode, bool isMaybe) =>
            mode == Mode && isMaybe == IsMaybe ? this : new HeldLock(LockClass, Instance, mode, AcquiredAt, Origin, isMaybe, Depth, LockStatement);

        internal HeldLock WithDepth(int depth) =>
            depth == Depth ? this : new HeldLock(LockClass, Instance, Mode, AcquiredAt, Origin, IsMaybe, depth < MaxDepth ? depth : MaxDepth, LockStatement);

        public bool Equals(HeldLock? other) =>
            other is not null
            && IsSameLock(other)
            && Mode == other.Mode
            && Origin == other.Origin
            && IsMaybe == other.IsMaybe
            && Depth == other.Depth
            && AcquiredAt.Equals(other.AcquiredAt);

        public override bool Equals(object? obj) => obj is HeldLock other && Equals(other);

        public override int GetHashCode() =>
            (((LockClass.GetHashCode() * 31) + Instance.GetHashCode()) * 31) + ((int)Mode * 4) + (IsMaybe ? 1 : 0);

        public override string ToString() => Describe() + " (" + Mode + (IsMaybe ? ", maybe" : string.Empty) + ")";
    }
}

using System.Collections.Immutable;
using LockOrder.Analyzers.Model;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>
    /// What a call may do at most, read from syntax by <see cref="SyntacticEffectScreen.Bound"/>: every effect of the
    /// callee's bound summary acquires one of <see cref="LockClasses"/>, or is a fault and <see cref="MayFault"/> is
    /// set, or a wait and <see cref="MayWait"/> is set. It can hold more than the summary (a name stands for every member it could bind to), never less.
    /// </summary>
    internal sealed class EffectBound
    {
        internal EffectBound(ImmutableArray<LockClass> lockClasses, bool mayFault, bool mayWait = false, ImmutableHashSet<LockClass>? thisRootedLockClasses = null)
        {
            LockClasses = lockClasses;
            MayFault = mayFault;
            MayWait = mayWait;
            ThisRootedLockClasses = thisRootedLockClasses ?? ImmutableHashSet<LockClass>.Empty;
        }

        internal ImmutableArray<LockClass> LockClasses { get; }

        internal bool MayFault { get; }

        /// <summary>Something reached may block its thread without end (<c>Task.Wait</c>, <c>.Result</c>, …): LOCK014 under any lock.</summary>
        internal bool MayWait { get; }

        /// <summary>
        /// The classes of <see cref="LockClasses"/> that the call takes only on objects the class names given the call's
        /// receiver: <c>this</c> (the receiver), a field of it (<c>receiver._sync</c>), a static field.
        /// </summary>
        internal ImmutableHashSet<LockClass> ThisRootedLockClasses { get; }
    }
}

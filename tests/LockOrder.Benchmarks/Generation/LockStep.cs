namespace LockOrder.Benchmarks.Generation
{
    /// <summary>
    /// One acquisition in a generated method, as the planner sees it: where its lock class stands in the one global
    /// order every generated nest and every call under a lock respects, and what the lock allows.
    /// </summary>
    internal abstract class LockStep
    {
        protected LockStep(int rank)
        {
            Rank = rank;
        }

        /// <summary>The lock class's place in the order (a bit of <see cref="MethodPlan.EffectMask"/>); a nest takes strictly increasing ranks.</summary>
        internal int Rank { get; }

        /// <summary>The holder may take the same instance again (a monitor, a <c>Lock</c>, a <c>Mutex</c>): a call under it may re-enter it.</summary>
        internal abstract bool Reentrant { get; }

        /// <summary>Held by a thread, not a logical flow: no <c>await</c> may happen while it is held.</summary>
        internal abstract bool ThreadAffine { get; }
    }
}

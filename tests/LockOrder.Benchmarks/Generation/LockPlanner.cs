using System;

namespace LockOrder.Benchmarks.Generation
{
    /// <summary>Decides which locks one generated method takes, in which order and syntax: the part of planning that differs between LockOrder's locks and the BCL's.</summary>
    internal abstract class LockPlanner
    {
        /// <summary>The lock ranks the module's helper methods take (a bit per rank), which a caller of them takes too.</summary>
        internal virtual int HelperMask => 0;

        internal static LockPlanner For(CodeShape shape, Random random) =>
            shape.IsBcl() ? new BclLockPlanner(shape.IsLockHeavy(), random) : new DeviceLockPlanner(shape.IsLockHeavy(), random);

        /// <summary>Fills <see cref="MethodPlan.Locks"/> (strictly increasing ranks) and the method's own traits: user copies, a loop around the nest, an early return, async.</summary>
        internal abstract void PlanLocks(MethodPlan method);
    }
}

using System;
using System.Linq;

namespace LockOrder.Benchmarks.Generation
{
    /// <summary>
    /// Decides, for one module, which locks each method takes, which methods it calls and where. Every lock nest is
    /// in the one global order (<see cref="LockStep.Rank"/>), and a call sits under a lock only if the callee's whole
    /// transitive effect fits there (takes only locks ordered after the innermost held one — or, for a re-entrant
    /// lock, that same instance again — and never touches user memory) — so the code is clean by construction and any
    /// diagnostic on it is a false positive.
    /// </summary>
    internal sealed class ModulePlanner
    {
        internal const int ClassesPerModule = 4;
        internal const int MethodsPerClass = 24;
        internal const int Layers = 4;

        private readonly CodeShape _shape;
        private readonly Random _random;
        private readonly LockPlanner _locks;

        internal ModulePlanner(CodeShape shape, Random random)
        {
            _shape = shape;
            _random = random;
            _locks = LockPlanner.For(shape, random);
        }

        private bool LockHeavy => _shape.IsLockHeavy();

        internal ModulePlan Plan(int moduleIndex)
        {
            var classes = new MethodPlan[ClassesPerModule][];
            for (int c = 0; c < ClassesPerModule; c++)
            {
                classes[c] = new MethodPlan[MethodsPerClass];
                for (int i = 0; i < MethodsPerClass; i++)
                {
                    var method = new MethodPlan(c, i, i * Layers / MethodsPerClass) { Seed = _random.Next() };
                    _locks.PlanLocks(method);
                    classes[c][i] = method;
                }
            }

            // Top layer first, so a caller choosing a callee to run under its lock sees the callee's effect so far.
            for (int layer = Layers - 1; layer >= 0; layer--)
            {
                foreach (var method in classes.SelectMany(m => m).Where(m => m.Layer == layer))
                {
                    PlanCalls(method, classes);
                    method.EffectMask = OwnMask(method) | method.Calls.Aggregate(0, (mask, call) => mask | call.Target.EffectMask);
                    method.EffectFaults = method.TouchesUserMemory || method.Calls.Any(call => call.Target.EffectFaults);
                }
            }

            AddRecursion(classes);
            ComputeEffects(classes);
            MoveUnsafeCallsOutOfLocks(classes);
            return new ModulePlan(moduleIndex, classes);
        }

        /// <summary>
        /// Whether every lock the callee may take, itself or through its callees, comes after the caller's innermost
        /// lock — or is that re-entrant lock itself: a callee on <c>this</c> is the only way back to the caller's class,
        /// so it re-enters the very instance held, which is fine — and the callee never faults.
        /// </summary>
        internal static bool FitsUnderLock(MethodPlan caller, MethodPlan callee)
        {
            var innermost = caller.Locks[caller.Locks.Count - 1];
            int heldOrEarlier = (1 << (innermost.Rank + 1)) - 1;
            if (innermost.Reentrant)
            {
                heldOrEarlier &= ~(1 << innermost.Rank);
            }

            return !callee.EffectFaults && (callee.EffectMask & heldOrEarlier) == 0;
        }

        /// <summary>Whether a call at this place may be awaited: in an async method, where no thread-affine lock is held.</summary>
        private static bool MayAwait(MethodPlan caller, bool underLock) =>
            caller.Async && (!underLock || caller.Locks.All(step => !step.ThreadAffine));

        private int OwnMask(MethodPlan method) =>
            method.Locks.Aggregate(method.CallsHelpers ? _locks.HelperMask : 0, (mask, step) => mask | (1 << step.Rank));

        private void PlanCalls(MethodPlan method, MethodPlan[][] classes)
        {
            if (method.Layer == Layers - 1)
            {
                method.CallsHelpers = true;
                return;
            }

            bool hasNext = method.ClassIndex + 1 < classes.Length;
            for (int n = 0; n < 2; n++)
            {
                bool underLock = method.Locks.Count > 0 && _random.Next(100) < (LockHeavy ? 50 : 30);
                bool onNext = hasNext && _random.Next(100) < 40;
                bool mayAwait = MayAwait(method, underLock);
                var candidates = classes[onNext ? method.ClassIndex + 1 : method.ClassIndex]
                    .Where(m => m.Layer > method.Layer && (mayAwait || !m.Async))
                    .ToList();
                if (candidates.Count == 0)
                {
                    continue;
                }

                if (underLock)
                {
                    var fitting = candidates.Where(m => FitsUnderLock(method, m)).ToList();
                    if (fitting.Count > 0)
                    {
                        candidates = fitting;
                    }
                }

                var target = candidates[_random.Next(candidates.Count)];
                var placement = underLock ? CallPlacement.UnderLock : n == 0 ? CallPlacement.BeforeLocks : CallPlacement.AfterLocks;
                method.Calls.Add(new CallPlan(target, onNext, placement));
            }
        }

        /// <summary>A share of methods also call back into their own class outside their locks: recursion the analyzer's summaries must converge on.</summary>
        private void AddRecursion(MethodPlan[][] classes)
        {
            foreach (var method in classes.SelectMany(m => m))
            {
                if (method.Layer > 0 && _random.Next(100) < 10)
                {
                    var target = classes[method.ClassIndex][_random.Next(MethodsPerClass)];
                    if (target.Async && !method.Async)
                    {
                        continue;
                    }

                    method.Calls.Add(new CallPlan(target, onNextDevice: false, CallPlacement.AfterLocks));
                }
            }
        }

        private static void ComputeEffects(MethodPlan[][] classes)
        {
            var methods = classes.SelectMany(m => m).ToList();
            bool changed = true;
            while (changed)
            {
                changed = false;
                foreach (var method in methods)
                {
                    int mask = method.EffectMask;
                    bool faults = method.EffectFaults;
                    foreach (var call in method.Calls)
                    {
                        mask |= call.Target.EffectMask;
                        faults |= call.Target.EffectFaults;
                    }

                    if (mask != method.EffectMask || faults != method.EffectFaults)
                    {
                        method.EffectMask = mask;
                        method.EffectFaults = faults;
                        changed = true;
                    }
                }
            }
        }

        private static void MoveUnsafeCallsOutOfLocks(MethodPlan[][] classes)
        {
            foreach (var method in classes.SelectMany(m => m))
            {
                foreach (var call in method.Calls)
                {
                    if (call.Placement == CallPlacement.UnderLock && !FitsUnderLock(method, call.Target))
                    {
                        call.Placement = CallPlacement.AfterLocks;
                        method.MovedCalls++;
                    }
                }
            }
        }
    }
}

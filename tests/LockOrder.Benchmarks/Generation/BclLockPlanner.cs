using System;
using System.Collections.Generic;
using System.Linq;

namespace LockOrder.Benchmarks.Generation
{
    /// <summary>
    /// Plans nests of BCL locks: one to three of a class's lock fields, taken in the class's order, each in one of the
    /// forms real code uses. A method that takes its semaphore with <c>await WaitAsync()</c> is async, and takes the
    /// semaphore first: no thread-affine lock is ever held across an <c>await</c>.
    /// </summary>
    internal sealed class BclLockPlanner : LockPlanner
    {
        /// <summary>The rank of the lock the module's helper class takes, after every class's locks.</summary>
        internal const int HelperRank = ModulePlanner.ClassesPerModule * BclLockStep.RanksPerClass;

        // How often each lock field is chosen: plain monitors most, the rarer primitives a little.
        private static readonly (BclPrimitive Primitive, int Weight)[] Weights =
        {
            (BclPrimitive.StaticMonitor, 15),
            (BclPrimitive.Semaphore, 20),
            (BclPrimitive.Monitor, 35),
            (BclPrimitive.ReaderWriter, 20),
            (BclPrimitive.Lock, 10),
            (BclPrimitive.Mutex, 3),
            (BclPrimitive.SpinLock, 3),
        };

        private readonly bool _lockHeavy;
        private readonly Random _random;

        internal BclLockPlanner(bool lockHeavy, Random random)
        {
            _lockHeavy = lockHeavy;
            _random = random;
        }

        internal override int HelperMask => 1 << HelperRank;

        internal override void PlanLocks(MethodPlan method)
        {
            int count;
            if (_lockHeavy)
            {
                int roll = _random.Next(100);
                count = roll < 40 ? 1 : roll < 75 ? 2 : 3;
            }
            else
            {
                count = _random.Next(100) < 3 ? 1 + _random.Next(2) : 0;
            }

            if (count == 0)
            {
                return;
            }

            var primitives = Choose(count);
            if (primitives.Contains(BclPrimitive.Semaphore) && _random.Next(100) < 50)
            {
                method.Async = true;
                method.ConfigureAwait = _random.Next(100) < 50;
                primitives.Remove(BclPrimitive.StaticMonitor);
            }

            foreach (var primitive in primitives.OrderBy(p => p))
            {
                method.Locks.Add(new BclLockStep(method.ClassIndex, primitive, ChooseForm(primitive, method.Async)));
            }

            method.LoopAroundLocks = _random.Next(100) < 15;
            // Every form releases in a finally or at the end of a statement, so a return from inside is always clean.
            method.EarlyReturn = _random.Next(100) < 15;
        }

        private List<BclPrimitive> Choose(int count)
        {
            var remaining = Weights.ToList();
            var chosen = new List<BclPrimitive>();
            while (chosen.Count < count)
            {
                int roll = _random.Next(remaining.Sum(w => w.Weight));
                int index = 0;
                while (roll >= remaining[index].Weight)
                {
                    roll -= remaining[index].Weight;
                    index++;
                }

                chosen.Add(remaining[index].Primitive);
                remaining.RemoveAt(index);
            }

            return chosen;
        }

        private BclForm ChooseForm(BclPrimitive primitive, bool inAsyncMethod)
        {
            int roll = _random.Next(100);
            return primitive switch
            {
                BclPrimitive.StaticMonitor => roll < 75 ? BclForm.LockStatement : BclForm.MonitorEnterTaken,
                BclPrimitive.Monitor => roll < 50 ? BclForm.LockStatement : roll < 70 ? BclForm.MonitorEnterTaken : roll < 85 ? BclForm.MonitorTryEnter : BclForm.LockOnLocal,
                BclPrimitive.Semaphore => inAsyncMethod ? BclForm.SemaphoreWaitAsync : roll < 80 ? BclForm.SemaphoreWait : BclForm.SemaphoreTimedWait,
                BclPrimitive.ReaderWriter => roll < 50 ? BclForm.ReadLock : roll < 80 ? BclForm.WriteLock : BclForm.UpgradeableReadLock,
                BclPrimitive.Lock => inAsyncMethod || roll >= 60 ? BclForm.LockEnter : BclForm.LockScope,
                BclPrimitive.Mutex => BclForm.MutexWaitOne,
                _ => BclForm.SpinLockEnter,
            };
        }
    }
}

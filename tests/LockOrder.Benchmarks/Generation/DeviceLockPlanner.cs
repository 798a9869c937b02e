using System;
using System.Collections.Generic;

namespace LockOrder.Benchmarks.Generation
{
    /// <summary>Plans nests of the device model's locks, <c>MmapLock</c> → <c>VmaLock</c> → <c>MemoryLock</c>, in all three syntaxes LockOrder's types offer.</summary>
    internal sealed class DeviceLockPlanner : LockPlanner
    {
        private readonly bool _lockHeavy;
        private readonly Random _random;

        internal DeviceLockPlanner(bool lockHeavy, Random random)
        {
            _lockHeavy = lockHeavy;
            _random = random;
        }

        internal override void PlanLocks(MethodPlan method)
        {
            int count;
            if (_lockHeavy)
            {
                int roll = _random.Next(100);
                count = roll < 40 ? 1 : roll < 75 ? 2 : 3;
                method.TouchesUserMemory = _random.Next(100) < 30;
            }
            else
            {
                count = _random.Next(100) < 3 ? 1 + _random.Next(2) : 0;
                method.TouchesUserMemory = _random.Next(1000) < 5;
            }

            if (count == 0)
            {
                return;
            }

            var kinds = new List<LockKind> { LockKind.Mmap, LockKind.Vma, LockKind.Memory };
            while (kinds.Count > count)
            {
                kinds.RemoveAt(_random.Next(kinds.Count));
            }

            bool automaticSoFar = true;
            foreach (var kind in kinds)
            {
                bool exclusive = kind switch
                {
                    LockKind.Mmap => _random.Next(100) < 15,
                    LockKind.Memory => _random.Next(100) < 40,
                    _ => true,
                };
                int styleRoll = _random.Next(100);
                var style = styleRoll < 60 ? AcquisitionStyle.Scope : styleRoll < 85 ? AcquisitionStyle.EnterTryFinally : AcquisitionStyle.EnterExit;
                automaticSoFar &= style != AcquisitionStyle.EnterExit;
                method.Locks.Add(new DeviceLockStep(kind, exclusive, style));
            }

            method.LoopAroundLocks = _random.Next(100) < 15;
            method.EarlyReturn = automaticSoFar && _random.Next(100) < 15;
        }
    }
}

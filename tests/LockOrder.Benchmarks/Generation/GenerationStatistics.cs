using System.Collections.Generic;

namespace LockOrder.Benchmarks.Generation
{
    /// <summary>Counts of what the generator put into the code, so a reader can judge how lock-heavy it really is.</summary>
    internal sealed class GenerationStatistics
    {
        internal int Methods { get; set; }

        internal int LockingMethods { get; set; }

        internal int Acquisitions { get; set; }

        internal int FaultingMethods { get; set; }

        internal int Calls { get; set; }

        /// <summary>Calls made while a lock is held, to callees whose whole transitive effect fits under it.</summary>
        internal int CallsUnderLock { get; set; }

        /// <summary>Calls that would have been made under a lock but were moved after the release, because the callee may take an earlier lock or fault.</summary>
        internal int CallsMovedOutOfLock { get; set; }

        /// <summary>Of the calls under a lock, those whose callee may take that same (re-entrant) lock again, on the same instance.</summary>
        internal int CallsReenteringHeldLock { get; set; }

        /// <summary>Async methods (BCL shapes: they take their semaphore with <c>await WaitAsync()</c>).</summary>
        internal int AsyncMethods { get; set; }

        /// <summary>BCL acquisitions by the form they are written in.</summary>
        internal Dictionary<BclForm, int> AcquisitionsByForm { get; private set; } = new Dictionary<BclForm, int>();

        internal GenerationStatistics Clone()
        {
            var clone = (GenerationStatistics)MemberwiseClone();
            clone.AcquisitionsByForm = new Dictionary<BclForm, int>(AcquisitionsByForm);
            return clone;
        }
    }
}

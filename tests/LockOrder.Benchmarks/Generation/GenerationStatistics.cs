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

        internal GenerationStatistics Clone() => (GenerationStatistics)MemberwiseClone();
    }
}

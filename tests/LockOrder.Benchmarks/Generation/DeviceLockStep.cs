namespace LockOrder.Benchmarks.Generation
{
    /// <summary>One acquisition of a device-model lock: which lock, shared or exclusive, and in which syntax.</summary>
    internal sealed class DeviceLockStep : LockStep
    {
        internal DeviceLockStep(LockKind kind, bool exclusive, AcquisitionStyle style)
            : base((int)kind)
        {
            Kind = kind;
            Exclusive = exclusive;
            Style = style;
        }

        internal LockKind Kind { get; }

        /// <summary>Write mode for the reader-writer semaphores; always true for <see cref="LockKind.Vma"/>.</summary>
        internal bool Exclusive { get; }

        internal AcquisitionStyle Style { get; }

        // LockOrder's lock types are not re-entrant: taking a held class again is LOCK004.
        internal override bool Reentrant => false;

        internal override bool ThreadAffine => true;
    }
}

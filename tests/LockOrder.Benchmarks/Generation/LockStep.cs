namespace LockOrder.Benchmarks.Generation
{
    /// <summary>One acquisition in a generated method: which lock, shared or exclusive, and in which syntax.</summary>
    internal sealed class LockStep
    {
        internal LockStep(LockKind kind, bool exclusive, AcquisitionStyle style)
        {
            Kind = kind;
            Exclusive = exclusive;
            Style = style;
        }

        internal LockKind Kind { get; }

        /// <summary>Write mode for the reader-writer semaphores; always true for <see cref="LockKind.Vma"/>.</summary>
        internal bool Exclusive { get; }

        internal AcquisitionStyle Style { get; }
    }
}

namespace LockOrder.Benchmarks.LockCost
{
    /// <summary>Nanoseconds per enter/exit pair over the measured rounds of one case.</summary>
    internal sealed class CaseResult
    {
        internal CaseResult(string name, long iterations, double medianNs, double minNs)
        {
            Name = name;
            Iterations = iterations;
            MedianNs = medianNs;
            MinNs = minNs;
        }

        internal string Name { get; }

        internal long Iterations { get; }

        internal double MedianNs { get; }

        internal double MinNs { get; }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace LockOrder.Benchmarks.Measurement
{
    /// <summary>Order statistics over repeated measurements; the median shrugs off rounds disturbed by other work on the machine.</summary>
    internal static class Statistics
    {
        internal static double Median(IReadOnlyCollection<double> values)
        {
            if (values.Count == 0)
            {
                throw new ArgumentException("No measurements.", nameof(values));
            }

            var sorted = values.OrderBy(v => v).ToArray();
            int middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }

        internal static double Min(IReadOnlyCollection<double> values) => values.Min();
    }
}

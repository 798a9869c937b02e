using System.Collections.Generic;

namespace LockOrder.Benchmarks.Generation
{
    /// <summary>A group of classes that call each other (class k calls into class k+1) and share one helper class.</summary>
    internal sealed class ModulePlan
    {
        internal ModulePlan(int index, IReadOnlyList<MethodPlan[]> classes)
        {
            Index = index;
            Classes = classes;
        }

        internal int Index { get; }

        internal IReadOnlyList<MethodPlan[]> Classes { get; }
    }
}

using LockOrder.Benchmarks.Generation;

namespace LockOrder.Benchmarks.AnalyzerCost
{
    /// <summary>One row of the analyzer benchmark: a code shape, a size, and how many measured runs its median takes.</summary>
    internal sealed class Workload
    {
        internal Workload(CodeShape shape, int targetLines, int runs)
        {
            Shape = shape;
            TargetLines = targetLines;
            Runs = runs;
        }

        internal CodeShape Shape { get; }

        internal int TargetLines { get; }

        internal int Runs { get; }
    }
}

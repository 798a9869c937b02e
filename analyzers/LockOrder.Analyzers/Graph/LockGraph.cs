using System.Collections.Immutable;

namespace LockOrder.Analyzers.Graph
{
    /// <summary>
    /// The lock-order graph of one compilation, as the analyzer sees it: every lock class that takes part in a declared
    /// order or an observed edge, the declared orders and the observed held → acquired edges, and the cycles the rules
    /// report (LOCK007 among declarations, LOCK008 among observed edges). Built from the analyzer's own model and
    /// collector at compilation end, so a picture of the graph never disagrees with the diagnostics.
    /// </summary>
    internal sealed class LockGraph
    {
        internal LockGraph(string assemblyName, ImmutableArray<LockGraphNode> nodes, ImmutableArray<LockGraphEdge> edges, ImmutableArray<LockGraphCycle> cycles)
        {
            AssemblyName = assemblyName;
            Nodes = nodes;
            Edges = edges;
            Cycles = cycles;
        }

        /// <summary>The compilation's assembly name (one graph per project).</summary>
        internal string AssemblyName { get; }

        /// <summary>The lock classes, ordered by <see cref="LockGraphNode.Id"/>.</summary>
        internal ImmutableArray<LockGraphNode> Nodes { get; }

        /// <summary>Declared edges first, then observed ones, each group ordered by source and target id.</summary>
        internal ImmutableArray<LockGraphEdge> Edges { get; }

        /// <summary>The cycles the rules report, in the order they are reported.</summary>
        internal ImmutableArray<LockGraphCycle> Cycles { get; }
    }
}

using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace LockOrder.Analyzers.Graph
{
    /// <summary>
    /// Receives the lock graph of every compilation an analyzer created with it analyzes (the <c>lockorder graph</c>
    /// command). Without a sink the analyzer builds no graph.
    /// </summary>
    internal sealed class LockGraphSink
    {
        private readonly ConcurrentQueue<LockGraph> graphs = new ConcurrentQueue<LockGraph>();

        /// <summary>The graphs received so far, by assembly name.</summary>
        internal IReadOnlyList<LockGraph> Graphs => graphs.OrderBy(g => g.AssemblyName, System.StringComparer.Ordinal).ToList();

        internal void Add(LockGraph graph) => graphs.Enqueue(graph);
    }
}

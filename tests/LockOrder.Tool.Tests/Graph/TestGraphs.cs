using System.Collections.Immutable;
using System.Linq;
using LockOrder.Analyzers.Graph;
using LockOrder.Tool.Graph;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LockOrder.Tool.Tests.Graph
{
    /// <summary>Lock graphs made by hand, in the shapes the analyzer hands to its sink, for the renderers' tests.</summary>
    internal static class TestGraphs
    {
        internal const string Folder = "/repo";

        internal static LockGraphNode Node(string id, string name, LockGraphNodeKind kind = LockGraphNodeKind.LockType) => new LockGraphNode(id, name, kind);

        internal static LockGraphEdge Observed(string from, string to, string file, int line, bool onCycle = false, string via = "") =>
            new LockGraphEdge(from, to, LockGraphEdgeKind.Observed, At(file, line), via, onCycle);

        internal static LockGraphEdge Declared(string from, string to, bool onCycle = false) =>
            new LockGraphEdge(from, to, LockGraphEdgeKind.Declared, Location.None, string.Empty, onCycle);

        internal static LockGraphCycle Cycle(string rule, params string[] ids) => new LockGraphCycle(rule, ids.ToImmutableArray());

        internal static LockGraph ProjectGraph(string assembly, LockGraphNode[] nodes, LockGraphEdge[] edges, params LockGraphCycle[] cycles) =>
            new LockGraph(assembly, nodes.ToImmutableArray(), edges.ToImmutableArray(), cycles.ToImmutableArray());

        internal static SolutionGraph Solution(params LockGraph[] graphs) => SolutionGraph.Merge(graphs.Select(g => (g.AssemblyName, g)), Folder);

        /// <summary>A location in <paramref name="file"/> (under <see cref="Folder"/>) on 1-based <paramref name="line"/>.</summary>
        internal static Location At(string file, int line)
        {
            var start = new LinePosition(line - 1, 4);
            return Location.Create(Folder + "/" + file, new TextSpan(0, 1), new LinePositionSpan(start, new LinePosition(line - 1, 5)));
        }
    }
}

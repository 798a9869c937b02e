using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LockOrder.Analyzers.Graph;
using Microsoft.CodeAnalysis;

namespace LockOrder.Tool.Graph
{
    /// <summary>
    /// The lock graphs of every analyzed project as one picture: a lock class is one node wherever it is used (node ids
    /// are fully qualified type names), an edge seen in several projects (or target frameworks) is one arrow with the
    /// first location found, and an edge is marked when any project reports a cycle along it. Nothing is added: every
    /// node, edge and cycle is the analyzer's own.
    /// </summary>
    internal sealed class SolutionGraph
    {
        private SolutionGraph(ImmutableArray<string> projects, ImmutableArray<LockGraphNode> nodes, ImmutableArray<SolutionGraphEdge> edges, ImmutableArray<LockGraphCycle> cycles)
        {
            Projects = projects;
            Nodes = nodes;
            Edges = edges;
            Cycles = cycles;
        }

        /// <summary>The projects whose graphs are merged, each once, in the order given.</summary>
        internal ImmutableArray<string> Projects { get; }

        /// <summary>The lock classes, by id.</summary>
        internal ImmutableArray<LockGraphNode> Nodes { get; }

        /// <summary>Declared edges first, then observed ones, each by source and target id.</summary>
        internal ImmutableArray<SolutionGraphEdge> Edges { get; }

        /// <summary>The reported cycles, each once.</summary>
        internal ImmutableArray<LockGraphCycle> Cycles { get; }

        /// <summary>
        /// Merges <paramref name="graphs"/>, in the order given (the first sighting of an edge wins); locations are shown
        /// relative to <paramref name="baseFolder"/>.
        /// </summary>
        internal static SolutionGraph Merge(IEnumerable<(string Project, LockGraph Graph)> graphs, string baseFolder)
        {
            var projects = new List<string>();
            var nodes = new Dictionary<string, LockGraphNode>(StringComparer.Ordinal);
            var cycles = new List<LockGraphCycle>();
            var cycleKeys = new HashSet<string>(StringComparer.Ordinal);
            var edges = new Dictionary<(string From, string To, LockGraphEdgeKind Kind), (LockGraphEdge First, bool OnCycle)>();
            foreach (var (project, graph) in graphs)
            {
                if (!projects.Contains(project))
                {
                    // A multi-targeted project hands over one graph per target framework.
                    projects.Add(project);
                }

                foreach (var node in graph.Nodes)
                {
                    nodes.TryAdd(node.Id, node);
                }

                foreach (var edge in graph.Edges)
                {
                    var key = (edge.From, edge.To, edge.Kind);
                    edges[key] = edges.TryGetValue(key, out var seen) ? (seen.First, seen.OnCycle || edge.IsOnCycle) : (edge, edge.IsOnCycle);
                }

                foreach (var cycle in graph.Cycles)
                {
                    if (cycleKeys.Add(cycle.RuleId + ":" + string.Join("\u0001", cycle.NodeIds)))
                    {
                        cycles.Add(cycle);
                    }
                }
            }

            var merged = edges
                .OrderBy(e => e.Key.Kind)
                .ThenBy(e => e.Key.From, StringComparer.Ordinal)
                .ThenBy(e => e.Key.To, StringComparer.Ordinal)
                .Select(e => new SolutionGraphEdge(
                    e.Key.From,
                    e.Key.To,
                    e.Key.Kind,
                    PositionOf(e.Value.First.Location, baseFolder),
                    Via(e.Value.First.Via),
                    e.Value.OnCycle ? CycleRules(e.Key.From, e.Key.To, e.Key.Kind, cycles) : ImmutableArray<string>.Empty))
                .ToImmutableArray();
            return new SolutionGraph(
                projects.ToImmutableArray(),
                nodes.Values.OrderBy(n => n.Id, StringComparer.Ordinal).ToImmutableArray(),
                merged,
                cycles.ToImmutableArray());
        }

        /// <summary>The display name of a node id (the id itself if the graph does not hold it).</summary>
        internal string NameOf(string id) => Nodes.FirstOrDefault(n => n.Id == id)?.Name ?? id;

        private static SourcePosition? PositionOf(Location location, string baseFolder)
        {
            var span = location.GetLineSpan();
            if (!span.IsValid || string.IsNullOrEmpty(span.Path))
            {
                return null;
            }

            return new SourcePosition(PathDisplay.Relative(baseFolder, span.Path), span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
        }

        /// <summary>" via A → B" as the analyzer writes it, without the leading " via ".</summary>
        private static string Via(string via)
        {
            var trimmed = via.Trim();
            return trimmed.StartsWith("via ", StringComparison.Ordinal) ? trimmed.Substring(4) : trimmed;
        }

        /// <summary>
        /// The rules whose cycles run along from → to. LOCK007 cycles are made of declared edges and LOCK008 cycles of
        /// observed ones (<see cref="LockGraph.Cycles"/>), so a declared and an observed arrow between the same two locks
        /// each name only their own kind of cycle.
        /// </summary>
        private static ImmutableArray<string> CycleRules(string from, string to, LockGraphEdgeKind kind, List<LockGraphCycle> cycles)
        {
            var declaredRule = "LOCK007";
            var rules = cycles
                .Where(c => Runs(c.NodeIds, from, to) && (c.RuleId == declaredRule) == (kind == LockGraphEdgeKind.Declared))
                .Select(c => c.RuleId)
                .Distinct(StringComparer.Ordinal)
                .ToImmutableArray();
            return rules.IsEmpty ? ImmutableArray.Create(kind == LockGraphEdgeKind.Declared ? declaredRule : "LOCK008") : rules;
        }

        private static bool Runs(ImmutableArray<string> cycle, string from, string to)
        {
            for (int i = 0; i < cycle.Length; i++)
            {
                if (cycle[i] == from && cycle[(i + 1) % cycle.Length] == to)
                {
                    return true;
                }
            }

            return false;
        }
    }
}

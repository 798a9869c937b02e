using System.Collections.Immutable;
using LockOrder.Analyzers.Graph;

namespace LockOrder.Tool.Graph
{
    /// <summary>An arrow of the <see cref="SolutionGraph"/>: one per source, target and kind, wherever it was seen.</summary>
    internal sealed class SolutionGraphEdge
    {
        internal SolutionGraphEdge(string from, string to, LockGraphEdgeKind kind, SourcePosition? position, string via, ImmutableArray<string> cycleRules)
        {
            From = from;
            To = to;
            Kind = kind;
            Position = position;
            Via = via;
            CycleRules = cycleRules;
        }

        /// <summary>The node id of the lock taken first.</summary>
        internal string From { get; }

        /// <summary>The node id of the lock taken while <see cref="From"/> is held.</summary>
        internal string To { get; }

        internal LockGraphEdgeKind Kind { get; }

        /// <summary>The declaring attribute, or the first sighting of an observed edge; null when it has no source.</summary>
        internal SourcePosition? Position { get; }

        /// <summary>For an edge made through calls, the path inside the callee ("A.Helper → UserBuffer.CopyToUser"); else empty.</summary>
        internal string Via { get; }

        /// <summary>The rules (LOCK007, LOCK008) whose reported cycles run along this edge; empty when it is on none.</summary>
        internal ImmutableArray<string> CycleRules { get; }

        internal bool IsOnCycle => !CycleRules.IsEmpty;
    }
}

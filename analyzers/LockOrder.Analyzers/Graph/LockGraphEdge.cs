using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Graph
{
    /// <summary>One arrow of the graph: a declared order, or a held → acquired edge the analysis observed.</summary>
    internal sealed class LockGraphEdge
    {
        internal LockGraphEdge(string from, string to, LockGraphEdgeKind kind, Location location, string via, bool isOnCycle)
        {
            From = from;
            To = to;
            Kind = kind;
            Location = location;
            Via = via;
            IsOnCycle = isOnCycle;
        }

        /// <summary>The <see cref="LockGraphNode.Id"/> of the lock taken first.</summary>
        internal string From { get; }

        /// <summary>The <see cref="LockGraphNode.Id"/> of the lock taken while <see cref="From"/> is held.</summary>
        internal string To { get; }

        internal LockGraphEdgeKind Kind { get; }

        /// <summary>The attribute that declares the order, or the first sighting of the observed edge (the acquisition or the call).</summary>
        internal Location Location { get; }

        /// <summary>For an observed edge made through calls, the path inside the callee (" via A → B"); otherwise empty.</summary>
        internal string Via { get; }

        /// <summary>The edge belongs to a cycle that a rule reports (LOCK007 or LOCK008).</summary>
        internal bool IsOnCycle { get; }
    }
}

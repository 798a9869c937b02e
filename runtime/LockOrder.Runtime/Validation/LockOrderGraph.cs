using System;
using System.Collections.Generic;

namespace LockOrder
{
    /// <summary>
    /// Every class-to-class order observed so far, across all threads, plus the declared order: the graph in which
    /// a new acquisition must not close a cycle. One edge per ordered pair of classes, so memory is bounded by
    /// classes × classes. Not thread-safe: used under the validator's lock.
    /// </summary>
    internal sealed class LockOrderGraph
    {
        private readonly Dictionary<Type, Dictionary<Type, OrderEdge>> _observed = new Dictionary<Type, Dictionary<Type, OrderEdge>>();

        internal LockOrderGraph(DeclaredLockOrder declared) => Declared = declared;

        internal DeclaredLockOrder Declared { get; }

        internal int ObservedEdgeCount { get; private set; }

        internal bool HasObserved(Type from, Type to) => _observed.TryGetValue(from, out var edges) && edges.ContainsKey(to);

        internal void AddObserved(OrderEdge edge)
        {
            if (!_observed.TryGetValue(edge.From, out var edges))
            {
                edges = new Dictionary<Type, OrderEdge>();
                _observed[edge.From] = edges;
            }

            if (!edges.ContainsKey(edge.To))
            {
                edges[edge.To] = edge;
                ObservedEdgeCount++;
            }
        }

        internal void Clear()
        {
            _observed.Clear();
            ObservedEdgeCount = 0;
        }

        /// <summary>
        /// The shortest chain of orders (observed or declared) leading from <paramref name="start"/> to any class for
        /// which <paramref name="isTarget"/> holds; null when there is none. Observed edges come first so that a
        /// report shows real acquisitions where it can.
        /// </summary>
        internal List<OrderEdge>? FindPath(Type start, Func<Type, bool> isTarget)
        {
            var reachedBy = new Dictionary<Type, OrderEdge?> { [start] = null };
            var queue = new Queue<Type>();
            queue.Enqueue(start);
            while (queue.Count > 0)
            {
                var current = queue.Dequeue();
                if (current != start && isTarget(current))
                {
                    var path = new List<OrderEdge>();
                    for (var step = reachedBy[current]; step != null; step = reachedBy[step.From])
                    {
                        path.Add(step);
                    }

                    path.Reverse();
                    return path;
                }

                foreach (var edge in Successors(current))
                {
                    if (!reachedBy.ContainsKey(edge.To))
                    {
                        reachedBy[edge.To] = edge;
                        queue.Enqueue(edge.To);
                    }
                }
            }

            return null;
        }

        private IEnumerable<OrderEdge> Successors(Type from)
        {
            if (_observed.TryGetValue(from, out var edges))
            {
                foreach (var edge in edges.Values)
                {
                    yield return edge;
                }
            }

            foreach (var later in Declared.DirectlyAfter(from))
            {
                if (edges is null || !edges.ContainsKey(later))
                {
                    yield return OrderEdge.FromDeclaration(from, later);
                }
            }
        }
    }
}

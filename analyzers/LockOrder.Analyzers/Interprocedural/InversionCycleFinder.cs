using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LockOrder.Analyzers.Model;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>
    /// Finds the elementary cycles of the observed lock-class graph, each once, in a fixed order: strongly connected
    /// components first (a cycle never leaves its component), then, from each class in name order, the simple
    /// paths through later classes that lead back to it — so each cycle is found exactly once, starting at its
    /// first class by name.
    /// </summary>
    internal static class InversionCycleFinder
    {
        /// <summary>Cycles longer than this are not searched for (a deadlock needs that many threads).</summary>
        internal const int MaxCycleLength = 8;

        /// <summary>At most this many cycles are reported per compilation.</summary>
        internal const int MaxCycles = 100;

        /// <summary>Bound on the search's steps, so that a dense graph cannot make the compilation end slow.</summary>
        internal const int MaxSearchSteps = 200_000;

        /// <summary>The cycles, each as its edges in order (the first edge leaves the cycle's first class by name).</summary>
        internal static List<List<ObservedEdge>> Find(IReadOnlyCollection<ObservedEdge> edges, CancellationToken cancellationToken) =>
            Find(edges, cancellationToken, out _);

        /// <summary>
        /// The cycles, as above; <paramref name="truncated"/> tells whether <see cref="MaxCycles"/> or
        /// <see cref="MaxSearchSteps"/> stopped the search with part of the graph unexplored (cycles may be missing).
        /// </summary>
        internal static List<List<ObservedEdge>> Find(IReadOnlyCollection<ObservedEdge> edges, CancellationToken cancellationToken, out bool truncated)
        {
            bool stopped = false;
            var cycles = new List<List<ObservedEdge>>();
            var classes = edges.SelectMany(e => new[] { e.Held, e.Acquired })
                .Distinct()
                .OrderBy(EffectSetBuilder.SortKey, StringComparer.Ordinal)
                .ToList();
            var id = new Dictionary<LockClass, int>();
            for (int i = 0; i < classes.Count; i++)
            {
                id[classes[i]] = i;
            }

            var outgoing = new List<ObservedEdge>[classes.Count];
            var incoming = new List<int>[classes.Count];
            for (int i = 0; i < classes.Count; i++)
            {
                outgoing[i] = new List<ObservedEdge>();
                incoming[i] = new List<int>();
            }

            foreach (var edge in edges)
            {
                outgoing[id[edge.Held]].Add(edge);
                incoming[id[edge.Acquired]].Add(id[edge.Held]);
            }

            foreach (var list in outgoing)
            {
                list.Sort((a, b) => id[a.Acquired].CompareTo(id[b.Acquired]));
            }

            var component = Components(outgoing, incoming, id);
            int steps = 0;
            var path = new List<ObservedEdge>();
            var onPath = new bool[classes.Count];
            for (int start = 0; start < classes.Count && !stopped; start++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                onPath[start] = true;
                Search(start, start);
                onPath[start] = false;
            }

            truncated = stopped;
            return cycles;

            void Search(int start, int current)
            {
                foreach (var edge in outgoing[current])
                {
                    if (stopped || cycles.Count >= MaxCycles || ++steps > MaxSearchSteps)
                    {
                        // An edge is left unexplored: a cycle through it may go unreported.
                        stopped = true;
                        return;
                    }

                    int next = id[edge.Acquired];
                    if (next < start || component[next] != component[start])
                    {
                        continue;
                    }

                    if (next == start)
                    {
                        cycles.Add(new List<ObservedEdge>(path) { edge });
                        continue;
                    }

                    if (onPath[next] || path.Count + 1 >= MaxCycleLength)
                    {
                        continue;
                    }

                    onPath[next] = true;
                    path.Add(edge);
                    Search(start, next);
                    path.RemoveAt(path.Count - 1);
                    onPath[next] = false;
                }
            }
        }

        /// <summary>Strongly connected components (Kosaraju, with explicit stacks): the component number of each class.</summary>
        private static int[] Components(List<ObservedEdge>[] outgoing, List<int>[] incoming, Dictionary<LockClass, int> id)
        {
            int count = outgoing.Length;
            var finished = new List<int>(count);
            var visited = new bool[count];
            for (int root = 0; root < count; root++)
            {
                if (visited[root])
                {
                    continue;
                }

                var stack = new Stack<(int Node, int Next)>();
                stack.Push((root, 0));
                visited[root] = true;
                while (stack.Count > 0)
                {
                    var (node, next) = stack.Pop();
                    if (next < outgoing[node].Count)
                    {
                        stack.Push((node, next + 1));
                        int target = id[outgoing[node][next].Acquired];
                        if (!visited[target])
                        {
                            visited[target] = true;
                            stack.Push((target, 0));
                        }
                    }
                    else
                    {
                        finished.Add(node);
                    }
                }
            }

            var component = new int[count];
            for (int i = 0; i < count; i++)
            {
                component[i] = -1;
            }

            int components = 0;
            for (int i = finished.Count - 1; i >= 0; i--)
            {
                int root = finished[i];
                if (component[root] >= 0)
                {
                    continue;
                }

                var stack = new Stack<int>();
                stack.Push(root);
                component[root] = components;
                while (stack.Count > 0)
                {
                    foreach (int source in incoming[stack.Pop()])
                    {
                        if (component[source] < 0)
                        {
                            component[source] = components;
                            stack.Push(source);
                        }
                    }
                }

                components++;
            }

            return component;
        }
    }
}

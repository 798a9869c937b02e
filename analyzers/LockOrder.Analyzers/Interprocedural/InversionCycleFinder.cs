using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LockOrder.Analyzers.Model;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>
    /// Finds the inversions of the observed lock-class graph: one cycle for each group of classes that can reach each
    /// other (a strongly connected component), the shortest one in it. A group is where a deadlock can happen; one cycle
    /// names it, and fixing the order there changes the group's other cycles too — so a single wrong edge, or a knot of
    /// many locks, is one report, not one per cycle. Components and cycles come out in a fixed order (by class name),
    /// whatever order the edges were seen in.
    /// </summary>
    internal static class InversionCycleFinder
    {
        /// <summary>Cycles longer than this are not reported (a deadlock needs that many threads).</summary>
        internal const int MaxCycleLength = 8;

        /// <summary>At most this many groups are reported per compilation.</summary>
        internal const int MaxCycles = 100;

        /// <summary>Bound on the search's steps, so that a dense graph cannot make the compilation end slow.</summary>
        internal const int MaxSearchSteps = 200_000;

        /// <summary>The cycles, each as its edges in order (the first edge leaves the cycle's first class by name).</summary>
        internal static List<List<ObservedEdge>> Find(IReadOnlyCollection<ObservedEdge> edges, CancellationToken cancellationToken) =>
            Find(edges, cancellationToken, out _);

        /// <summary>
        /// The cycles, as above; <paramref name="truncated"/> tells whether <see cref="MaxCycles"/> or
        /// <see cref="MaxSearchSteps"/> stopped the search with some group not searched (an inversion may be missing).
        /// </summary>
        internal static List<List<ObservedEdge>> Find(IReadOnlyCollection<ObservedEdge> edges, CancellationToken cancellationToken, out bool truncated)
        {
            truncated = false;
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
            var members = new SortedDictionary<int, List<int>>();
            for (int node = 0; node < classes.Count; node++)
            {
                if (!members.TryGetValue(component[node], out var list))
                {
                    members[component[node]] = list = new List<int>();
                }

                list.Add(node);
            }

            int steps = 0;
            foreach (var group in members.Values.OrderBy(nodes => nodes[0]))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (group.Count < 2)
                {
                    continue;
                }

                if (cycles.Count >= MaxCycles)
                {
                    truncated = true;
                    break;
                }

                var shortest = ShortestCycle(group, outgoing, component, id, ref steps);
                if (shortest is null)
                {
                    // The step bound stopped the search with this group's cycles unexplored.
                    truncated |= steps > MaxSearchSteps;
                    continue;
                }

                cycles.Add(shortest);
            }

            return cycles;
        }

        /// <summary>
        /// The shortest cycle within one group (breadth-first from each of its classes in name order, so ties go to the
        /// cycle that starts at the first class by name), rotated to start at its first class by name; null if it is
        /// longer than <see cref="MaxCycleLength"/> or the step bound was reached.
        /// </summary>
        private static List<ObservedEdge>? ShortestCycle(List<int> group, List<ObservedEdge>[] outgoing, int[] component, Dictionary<LockClass, int> id, ref int steps)
        {
            List<ObservedEdge>? best = null;
            int groupId = component[group[0]];
            foreach (int start in group)
            {
                var previous = new Dictionary<int, ObservedEdge>();
                var queue = new Queue<(int Node, int Depth)>();
                queue.Enqueue((start, 0));
                bool closed = false;
                while (queue.Count > 0 && !closed)
                {
                    var (node, depth) = queue.Dequeue();
                    if (depth >= MaxCycleLength || (best is not null && depth + 1 >= best.Count))
                    {
                        break;
                    }

                    foreach (var edge in outgoing[node])
                    {
                        if (++steps > MaxSearchSteps)
                        {
                            return best;
                        }

                        int next = id[edge.Acquired];
                        if (component[next] != groupId)
                        {
                            continue;
                        }

                        if (next == start)
                        {
                            var cycle = new List<ObservedEdge> { edge };
                            for (int step = node; step != start; step = id[previous[step].Held])
                            {
                                cycle.Add(previous[step]);
                            }

                            cycle.Reverse();
                            if (best is null || cycle.Count < best.Count)
                            {
                                best = cycle;
                            }

                            closed = true;
                            break;
                        }

                        if (!previous.ContainsKey(next))
                        {
                            previous[next] = edge;
                            queue.Enqueue((next, depth + 1));
                        }
                    }
                }
            }

            return best is null ? null : RotateToFirstClass(best, id);
        }

        private static List<ObservedEdge> RotateToFirstClass(List<ObservedEdge> cycle, Dictionary<LockClass, int> id)
        {
            int first = 0;
            for (int i = 1; i < cycle.Count; i++)
            {
                if (id[cycle[i].Held] < id[cycle[first].Held])
                {
                    first = i;
                }
            }

            return cycle.Skip(first).Concat(cycle.Take(first)).ToList();
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

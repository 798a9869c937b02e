using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LockOrder.Analyzers.Interprocedural;
using LockOrder.Analyzers.Model;
using LockOrder.Analyzers.Rules;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Graph
{
    /// <summary>
    /// Reads the lock graph off a compilation's model (declared orders, LOCK007 cycles) and its edge collector (observed
    /// edges, LOCK008 cycles) at compilation end. It runs no analysis of its own.
    /// </summary>
    internal static class LockGraphBuilder
    {
        private static LockGraphNodeKind KindOf(LockClassKind kind) => kind switch
        {
            LockClassKind.LockType => LockGraphNodeKind.LockType,
            LockClassKind.Member => LockGraphNodeKind.Member,
            LockClassKind.Elements => LockGraphNodeKind.Elements,
            LockClassKind.This => LockGraphNodeKind.This,
            LockClassKind.TypeObject => LockGraphNodeKind.TypeObject,
            _ => LockGraphNodeKind.StringLiteral,
        };

        internal static LockGraph Build(LockModel model, OrderEdgeCollector collector, CancellationToken cancellationToken)
        {
            var order = model.Order;
            var nodes = new Dictionary<string, LockGraphNode>(StringComparer.Ordinal);
            var onCycle = new HashSet<(string From, string To, LockGraphEdgeKind Kind)>();
            var cycles = ImmutableArray.CreateBuilder<LockGraphCycle>();

            foreach (var cycle in order.Cycles)
            {
                var ids = cycle.Classes.Select(c => Node(c).Id).ToImmutableArray();
                cycles.Add(new LockGraphCycle(Descriptors.ContradictoryOrder.Id, ids));
                MarkAround(ids, LockGraphEdgeKind.Declared);
            }

            foreach (var cycle in collector.FindInversions(order, cancellationToken, out _))
            {
                var ids = cycle.Select(edge => Node(edge.Held).Id).ToImmutableArray();
                cycles.Add(new LockGraphCycle(Descriptors.InversionBetweenMethods.Id, ids));
                MarkAround(ids, LockGraphEdgeKind.Observed);
            }

            var observedEdges = collector.AllEdges(cancellationToken);
            var used = new HashSet<LockClass>(observedEdges.SelectMany(e => new[] { e.Held, e.Acquired }));
            var edges = new List<LockGraphEdge>();
            foreach (var (earlier, later, declaration) in order.DeclaredEdges)
            {
                if (!IsShown(earlier) && !IsShown(later))
                {
                    // The runtime's own chain (MmapLock → VmaLock → MemoryLock) is drawn where the project uses it.
                    continue;
                }

                var from = Node(earlier).Id;
                var to = Node(later).Id;
                var location = declaration.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? Location.None;
                edges.Add(new LockGraphEdge(from, to, LockGraphEdgeKind.Declared, location, string.Empty, onCycle.Contains((from, to, LockGraphEdgeKind.Declared))));
            }

            foreach (var edge in observedEdges)
            {
                var from = Node(edge.Held).Id;
                var to = Node(edge.Acquired).Id;
                edges.Add(new LockGraphEdge(from, to, LockGraphEdgeKind.Observed, edge.AcquiredAt, edge.DescribeVia(), onCycle.Contains((from, to, LockGraphEdgeKind.Observed))));
            }

            var orderedEdges = edges
                .GroupBy(e => (e.From, e.To, e.Kind))
                .Select(g => g.First())
                .OrderBy(e => e.Kind)
                .ThenBy(e => e.From, StringComparer.Ordinal)
                .ThenBy(e => e.To, StringComparer.Ordinal)
                .ToImmutableArray();
            return new LockGraph(
                model.Compilation.AssemblyName ?? string.Empty,
                nodes.Values.OrderBy(n => n.Id, StringComparer.Ordinal).ToImmutableArray(),
                orderedEdges,
                cycles.ToImmutable());

            LockGraphNode Node(LockClass lockClass)
            {
                var id = lockClass.Id;
                if (!nodes.TryGetValue(id, out var node))
                {
                    nodes[id] = node = new LockGraphNode(id, lockClass.Display, KindOf(lockClass.Kind));
                }

                return node;
            }

            bool IsShown(LockClass lockClass) => used.Contains(lockClass) || lockClass.Symbol?.Locations.Any(l => l.IsInSource) == true;

            void MarkAround(ImmutableArray<string> ids, LockGraphEdgeKind kind)
            {
                for (int i = 0; i < ids.Length; i++)
                {
                    onCycle.Add((ids[i], ids[(i + 1) % ids.Length], kind));
                }
            }
        }
    }
}

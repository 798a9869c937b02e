using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using LockOrder.Analyzers.Model;
using LockOrder.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>
    /// Every held → acquired lock-class edge seen anywhere in the compilation (directly or through calls), so
    /// that at compilation end inversions between methods (LOCK008) can be found: A → B in one method and B → A in
    /// another deadlock when they run at the same time, even though each method alone looks fine.
    /// </summary>
    /// <remarks>
    /// One collector per compilation. It keeps one sighting per class pair (the first in source order), so memory
    /// for sightings is bounded by the number of lock-class pairs, not by the size of the code; calls settled by a
    /// bound (<see cref="BoundedCall"/>) are kept one per call, to be made exact only if they could close a cycle.
    /// Which edges make a LOCK008: an edge against the declared order is already LOCK001 at its site, so it is left
    /// out of the graph; every cycle that remains necessarily has an edge between classes with no declared order
    /// between them — the inversion nobody declared, e.g. the 2024 four-lock cycle closing through an undeclared bus
    /// lock → MmapLock edge.
    /// </remarks>
    internal sealed class OrderEdgeCollector
    {
        /// <summary>What LOCK011 names when the inversion search stops at its bound.</summary>
        internal const string InversionSearchOwner = "lock-order inversions between methods";

        internal const string InversionSearchBound = "bound on the cycles searched";

        private readonly ConcurrentDictionary<ClassPair, ObservedEdge> edges = new ConcurrentDictionary<ClassPair, ObservedEdge>();
        private readonly ConcurrentQueue<BoundedCall> boundedCalls = new ConcurrentQueue<BoundedCall>();

        /// <summary>A collector that learns the declared order from <see cref="Model"/> once it is set.</summary>
        internal OrderEdgeCollector()
        {
        }

        internal OrderEdgeCollector(LockModel model)
        {
            Model = model;
        }

        /// <summary>
        /// The compilation's lock model, whose declared order decides which edges are already LOCK001. Without it,
        /// every observed edge takes part in cycles.
        /// </summary>
        internal LockModel? Model { get; set; }

        /// <summary>
        /// Records that <paramref name="acquired"/> was taken (blocking) at <paramref name="acquiredAt"/> while
        /// <paramref name="held"/> was held (taken at <paramref name="heldAt"/>); <paramref name="via"/> is the path
        /// inside a callee ("" for a direct acquisition).
        /// </summary>
        internal void Record(LockClass held, LockClass acquired, Location heldAt, Location acquiredAt, string via) =>
            Record(new ObservedEdge(held, acquired, heldAt, acquiredAt, via ?? string.Empty));

        internal void Record(ObservedEdge edge)
        {
            if (!IsOrderBetweenClasses(edge))
            {
                return;
            }

            // Code that takes its locks in one order sights the same pair over and over: a sighting that would not
            // replace the one kept is dropped before the dictionary takes a lock and allocates for an update.
            var pair = new ClassPair(edge.Held, edge.Acquired);
            if (edges.TryGetValue(pair, out var kept) && !edge.IsPreferredOver(kept))
            {
                return;
            }

            edges.AddOrUpdate(pair, edge, (_, known) => edge.IsPreferredOver(known) ? edge : known);
        }

        /// <summary>
        /// Records a call whose edges are known as a bound (<see cref="BoundedCall"/>). Unlike sightings these are kept
        /// one per call, until compilation end: a few hundred bytes for each call under a lock whose callee may take a
        /// later lock.
        /// </summary>
        internal void Record(BoundedCall call) => boundedCalls.Enqueue(call);

        /// <summary>Reports each cycle among classes with no declared order between them, once (LOCK008).</summary>
        internal void ReportInversions(Action<Diagnostic> report, CancellationToken cancellationToken) =>
            ReportInversions(report, Model?.Order, cancellationToken);

        /// <summary>Reports each cycle that <paramref name="order"/> does not already make a LOCK001, once (LOCK008).</summary>
        internal void ReportInversions(Action<Diagnostic> report, DeclaredOrder? order, CancellationToken cancellationToken)
        {
            var cycles = FindInversions(order, cancellationToken, out bool truncated);
            foreach (var cycle in cycles)
            {
                cancellationToken.ThrowIfCancellationRequested();
                report(CreateDiagnostic(cycle, cancellationToken));
            }

            if (truncated)
            {
                // Cycles beyond the search bound go unreported: say so once, at the edge the search starts from.
                var first = InversionGraph(edges.Values, order)
                    .OrderBy(e => EffectSetBuilder.SortKey(e.Held), StringComparer.Ordinal)
                    .ThenBy(e => EffectSetBuilder.SortKey(e.Acquired), StringComparer.Ordinal)
                    .First();
                report(Diagnostic.Create(Descriptors.AnalysisIncomplete, first.AcquiredAt, InversionSearchOwner, InversionSearchBound));
            }
        }

        /// <summary>
        /// The cycles LOCK008 reports, each as its edges in order; <paramref name="truncated"/> tells whether the search
        /// stopped at its bound.
        /// </summary>
        internal List<List<ObservedEdge>> FindInversions(DeclaredOrder? order, CancellationToken cancellationToken, out bool truncated)
        {
            if (!boundedCalls.IsEmpty && MayCloseACycle(order, cancellationToken))
            {
                // The bounds may close a cycle that the calls' summaries do not: the report needs the exact edges, and
                // their sightings, so the callees are summarized now. Without a cycle in the bounds there is none in
                // the summaries, which add fewer edges, and the report is the same without them.
                RecordExactEdgesOfBoundedCalls(cancellationToken);
            }

            truncated = false;
            var graph = InversionGraph(edges.Values, order);
            return graph.Count < 2 ? new List<List<ObservedEdge>>() : InversionCycleFinder.Find(graph, cancellationToken, out truncated);
        }

        /// <summary>
        /// Every edge observed in the compilation, one sighting per class pair, the calls settled by a bound included
        /// (their callees are summarized now): what the lock graph shows.
        /// </summary>
        internal IReadOnlyList<ObservedEdge> AllEdges(CancellationToken cancellationToken)
        {
            RecordExactEdgesOfBoundedCalls(cancellationToken);
            return edges.Values.ToList();
        }

        private void RecordExactEdgesOfBoundedCalls(CancellationToken cancellationToken)
        {
            while (boundedCalls.TryDequeue(out var call))
            {
                foreach (var edge in call.ExactEdges(cancellationToken))
                {
                    Record(edge);
                }
            }
        }

        /// <summary>The same class twice is LOCK004's business, not an order between two classes.</summary>
        private static bool IsOrderBetweenClasses(ObservedEdge edge) =>
            !edge.Held.Equals(edge.Acquired) && !edge.Held.IsError && !edge.Acquired.IsError;

        /// <summary>The edges cycles are searched in: those not against <paramref name="order"/> (which are LOCK001 already).</summary>
        internal static List<ObservedEdge> InversionGraph(IEnumerable<ObservedEdge> edges, DeclaredOrder? order) =>
            edges.Where(e => order is null || !order.IsBefore(e.Acquired, e.Held)).ToList();

        /// <summary>Whether the graph of the sightings and every edge the bounded calls may add has a cycle (or too many to tell).</summary>
        private bool MayCloseACycle(DeclaredOrder? order, CancellationToken cancellationToken)
        {
            var possible = new Dictionary<ClassPair, ObservedEdge>();
            foreach (var pair in edges)
            {
                possible[pair.Key] = pair.Value;
            }

            foreach (var call in boundedCalls)
            {
                foreach (var edge in call.PossibleEdges())
                {
                    if (IsOrderBetweenClasses(edge))
                    {
                        possible[new ClassPair(edge.Held, edge.Acquired)] = edge;
                    }
                }
            }

            var graph = InversionGraph(possible.Values, order);
            if (graph.Count < 2)
            {
                return false;
            }

            var cycles = InversionCycleFinder.Find(graph, cancellationToken, out bool truncated);
            return cycles.Count > 0 || truncated;
        }

        private static Diagnostic CreateDiagnostic(List<ObservedEdge> cycle, CancellationToken cancellationToken)
        {
            var classes = new StringBuilder(cycle[0].Held.Display);
            foreach (var edge in cycle)
            {
                classes.Append(" → ").Append(edge.Acquired.Display);
            }

            var sightings = string.Join(", ", cycle.Select(edge => Describe(edge, cancellationToken)));
            return Diagnostic.Create(
                Descriptors.InversionBetweenMethods,
                cycle[0].AcquiredAt,
                cycle.Skip(1).Select(e => e.AcquiredAt),
                classes.ToString(),
                sightings);
        }

        /// <summary>"A → B in Device.Reset via Bus.Lock (Device.cs:12)".</summary>
        private static string Describe(ObservedEdge edge, CancellationToken cancellationToken)
        {
            var text = new StringBuilder()
                .Append(edge.Held.Display).Append(" → ").Append(edge.Acquired.Display);
            var member = EnclosingMember(edge.AcquiredAt, cancellationToken);
            if (member.Length > 0)
            {
                text.Append(" in ").Append(member);
            }

            text.Append(edge.DescribeVia());
            if (edge.AcquiredAt.IsInSource)
            {
                var line = edge.AcquiredAt.GetLineSpan();
                text.Append(" (").Append(Path.GetFileName(line.Path)).Append(':').Append(line.StartLinePosition.Line + 1).Append(')');
            }

            return text.ToString();
        }

        /// <summary>The member a location lies in, from syntax alone ("Device.Reset", "Device.Reset.Zap" for a local function).</summary>
        private static string EnclosingMember(Location location, CancellationToken cancellationToken)
        {
            if (!location.IsInSource || location.SourceTree is null)
            {
                return string.Empty;
            }

            var root = location.SourceTree.GetRoot(cancellationToken);
            if (location.SourceSpan.Start >= root.FullSpan.End)
            {
                return string.Empty;
            }

            var names = new List<string>();
            for (var node = root.FindToken(location.SourceSpan.Start).Parent; node is not null; node = node.Parent)
            {
                switch (node)
                {
                    case LocalFunctionStatementSyntax local:
                        names.Add(local.Identifier.ValueText);
                        break;
                    case MethodDeclarationSyntax method:
                        names.Add(method.Identifier.ValueText);
                        break;
                    case ConstructorDeclarationSyntax constructor:
                        names.Add(constructor.Identifier.ValueText);
                        break;
                    case PropertyDeclarationSyntax property:
                        names.Add(property.Identifier.ValueText);
                        break;
                    case IndexerDeclarationSyntax:
                        names.Add("this[]");
                        break;
                    case OperatorDeclarationSyntax @operator:
                        names.Add("operator " + @operator.OperatorToken.ValueText);
                        break;
                    case EventDeclarationSyntax @event:
                        names.Add(@event.Identifier.ValueText);
                        break;
                    case BaseTypeDeclarationSyntax type:
                        names.Add(type.Identifier.ValueText);
                        break;
                }
            }

            names.Reverse();
            return string.Join(".", names);
        }

        private readonly struct ClassPair : IEquatable<ClassPair>
        {
            private readonly LockClass held;
            private readonly LockClass acquired;

            internal ClassPair(LockClass held, LockClass acquired)
            {
                this.held = held;
                this.acquired = acquired;
            }

            public bool Equals(ClassPair other) => held.Equals(other.held) && acquired.Equals(other.acquired);

            public override bool Equals(object? obj) => obj is ClassPair other && Equals(other);

            public override int GetHashCode() => (held.GetHashCode() * 31) + acquired.GetHashCode();
        }
    }
}

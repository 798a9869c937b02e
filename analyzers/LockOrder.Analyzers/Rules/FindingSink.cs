using System;
using System.Collections.Generic;
using System.Linq;
using LockOrder.Analyzers.Interprocedural;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Rules
{
    /// <summary>
    /// Collects the findings of one body's analysis — its diagnostics, at most one per rule and location (a loop or a
    /// finally block analyzed for several entry states must not repeat itself), and the held → acquired edges it
    /// observed — until the analysis is known to be complete: an analysis that stops at a bound takes back what it
    /// found, so that the body reports only LOCK011.
    /// </summary>
    internal sealed class FindingSink
    {
        private readonly Dictionary<string, Diagnostic> diagnostics = new Dictionary<string, Diagnostic>(StringComparer.Ordinal);
        private readonly List<string> order = new List<string>();
        private readonly List<ObservedEdge> edges = new List<ObservedEdge>();
        private readonly List<BoundedCall> boundedCalls = new List<BoundedCall>();

        /// <summary>The order edges recorded so far.</summary>
        internal IReadOnlyList<ObservedEdge> Edges => edges;

        internal void Report(DiagnosticDescriptor descriptor, Location location, Location? additional, params object[] messageArgs)
        {
            var key = descriptor.Id + "|" + (location.SourceTree?.FilePath ?? string.Empty) + "|" + location.SourceSpan.Start + "|" + location.SourceSpan.Length;
            if (diagnostics.ContainsKey(key))
            {
                return;
            }

            var additionalLocations = additional is not null && additional.IsInSource && !additional.Equals(location) ? new[] { additional } : Array.Empty<Location>();
            diagnostics[key] = Diagnostic.Create(descriptor, location, additionalLocations, messageArgs);
            order.Add(key);
        }

        /// <summary>An order edge for LOCK008: <paramref name="held"/> (taken at <paramref name="heldAt"/>) was held while <paramref name="acquired"/> was waited for.</summary>
        internal void RecordEdge(LockClass held, LockClass acquired, Location heldAt, Location acquiredAt, string via) =>
            edges.Add(new ObservedEdge(held, acquired, heldAt, acquiredAt, via ?? string.Empty));

        /// <summary>A call whose order edges are known only as a bound until they matter (<see cref="BoundedCall"/>).</summary>
        internal void RecordBoundedCall(BoundedCall call) => boundedCalls.Add(call);

        internal Checkpoint Mark() => new Checkpoint(order.Count, edges.Count, boundedCalls.Count);

        /// <summary>Whether a diagnostic was reported since <paramref name="checkpoint"/> (order edges do not count).</summary>
        internal bool HasDiagnosticsSince(Checkpoint checkpoint) => order.Count > checkpoint.Diagnostics;

        /// <summary>Takes back every finding since <paramref name="checkpoint"/>.</summary>
        internal void Rollback(Checkpoint checkpoint)
        {
            for (int i = checkpoint.Diagnostics; i < order.Count; i++)
            {
                diagnostics.Remove(order[i]);
            }

            order.RemoveRange(checkpoint.Diagnostics, order.Count - checkpoint.Diagnostics);
            edges.RemoveRange(checkpoint.Edges, edges.Count - checkpoint.Edges);
            boundedCalls.RemoveRange(checkpoint.BoundedCalls, boundedCalls.Count - checkpoint.BoundedCalls);
        }

        internal void Flush(Action<Diagnostic> report, OrderEdgeCollector collector)
        {
            foreach (var edge in edges)
            {
                collector.Record(edge);
            }

            foreach (var call in boundedCalls)
            {
                collector.Record(call);
            }

            foreach (var diagnostic in diagnostics.Values.OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal))
            {
                report(diagnostic);
            }

            diagnostics.Clear();
            order.Clear();
            edges.Clear();
            boundedCalls.Clear();
        }

        internal readonly struct Checkpoint
        {
            internal Checkpoint(int diagnostics, int edges, int boundedCalls)
            {
                Diagnostics = diagnostics;
                Edges = edges;
                BoundedCalls = boundedCalls;
            }

            internal int Diagnostics { get; }

            internal int Edges { get; }

            internal int BoundedCalls { get; }
        }
    }
}

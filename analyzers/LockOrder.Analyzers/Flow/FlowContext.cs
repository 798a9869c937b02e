using System.Threading;
using LockOrder.Analyzers.Interprocedural;
using LockOrder.Analyzers.Model;
using LockOrder.Analyzers.Rules;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Flow
{
    /// <summary>What the analysis of one body needs from its compilation and where it reports.</summary>
    internal sealed class FlowContext
    {
        internal FlowContext(LockModel model, SummaryProvider summaries, OrderEdgeCollector edges, SyntaxTree tree, DiagnosticSink sink, CancellationToken cancellationToken)
        {
            Model = model;
            Summaries = summaries;
            Edges = edges;
            Tree = tree;
            Sink = sink;
            CancellationToken = cancellationToken;
        }

        internal LockModel Model { get; }

        internal DeclaredOrder Order => Model.Order;

        internal SummaryProvider Summaries { get; }

        internal OrderEdgeCollector Edges { get; }

        internal SyntaxTree Tree { get; }

        internal DiagnosticSink Sink { get; }

        internal CancellationToken CancellationToken { get; }
    }
}

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
        internal FlowContext(LockModel model, SummaryProvider summaries, SyntaxTree tree, FindingSink sink, CancellationToken cancellationToken)
        {
            Model = model;
            Summaries = summaries;
            Tree = tree;
            Sink = sink;
            CancellationToken = cancellationToken;
        }

        internal LockModel Model { get; }

        internal DeclaredOrder Order => Model.Order;

        internal SummaryProvider Summaries { get; }

        internal SyntaxTree Tree { get; }

        internal FindingSink Sink { get; }

        internal CancellationToken CancellationToken { get; }
    }
}

using System.Collections.Generic;
using LockOrder.Analyzers.Interprocedural;
using LockOrder.Analyzers.Model;
using LockOrder.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockOrder.Analyzers.Flow
{
    /// <summary>
    /// Runs the flow analysis on every executable body of one member: the member's own body, and each local function
    /// and lambda in it as a body of its own (deferred execution is not execution: a lambda created under a lock runs
    /// later, starting with nothing held, or with what its own <c>[Requires]</c> says). A member is first walked over
    /// its operation tree (<see cref="StructuredLockFlow"/>); only one that walk does not settle gets control-flow
    /// graphs (<see cref="LockFlowAnalysis"/>).
    /// </summary>
    internal static class BodyAnalysis
    {
        internal static void Analyze(OperationBlockAnalysisContext context, LockModel model, SummaryProvider summaries, OrderEdgeCollector edges, bool structuredFastPath)
        {
            var owner = context.OwningSymbol as IMethodSymbol;
            if (owner is not null && model.Annotations.Get(owner).NoLockAnalysis)
            {
                return;
            }

            // Blocks of one member share a root only when there are several (a constructor's initializer and body).
            var seenRoots = context.OperationBlocks.Length > 1 ? new HashSet<IOperation>() : null;
            foreach (var block in context.OperationBlocks)
            {
                context.CancellationToken.ThrowIfCancellationRequested();

                // A method's blocks are IBlockOperations under its IMethodBodyOperation; the graph is built for the root.
                var root = block;
                while (root.Parent is not null)
                {
                    root = root.Parent;
                }

                if (!IsGraphRoot(root) || seenRoots?.Add(root) == false || !BodyPrescan.NeedsAnalysis(root, owner, model.Annotations, model.Compilation.Assembly))
                {
                    continue;
                }

                var sink = new FindingSink();
                var flow = new FlowContext(model, summaries, block.Syntax.SyntaxTree, sink, context.CancellationToken);
                var ownerLocation = owner is not null && owner.Locations.Length > 0 && owner.Locations[0].IsInSource ? owner.Locations[0] : block.Syntax.GetLocation();

                // Most bodies are settled by the walk over their operation tree; one it does not model, or one with
                // anything to report, is analyzed over its control-flow graph, whose answer is the one reported.
                var checkpoint = sink.Mark();
                if (structuredFastPath && StructuredLockFlow.TryRun(flow, root, owner, ownerLocation) && !sink.HasDiagnosticsSince(checkpoint))
                {
                    sink.Flush(context.ReportDiagnostic, edges);
                    continue;
                }

                sink.Rollback(checkpoint);
                var graph = context.GetControlFlowGraph(block);
                var index = GraphIndex.Build(graph);
                LockFlowAnalysis.Run(flow, graph, index, owner, ownerLocation);
                AnalyzeNested(flow, graph, index, model);
                sink.Flush(context.ReportDiagnostic, edges);
            }
        }

        private static bool IsGraphRoot(IOperation block) =>
            block is IMethodBodyOperation or IConstructorBodyOperation or IBlockOperation or IFieldInitializerOperation or IPropertyInitializerOperation or IParameterInitializerOperation;

        private static void AnalyzeNested(FlowContext flow, ControlFlowGraph root, GraphIndex rootIndex, LockModel model)
        {
            var pending = new Stack<(ControlFlowGraph Graph, GraphIndex Index)>();
            pending.Push((root, rootIndex));
            while (pending.Count > 0)
            {
                flow.CancellationToken.ThrowIfCancellationRequested();
                var (graph, index) = pending.Pop();
                foreach (var localFunction in graph.LocalFunctions)
                {
                    var nested = graph.GetLocalFunctionControlFlowGraph(localFunction, flow.CancellationToken);
                    var nestedIndex = GraphIndex.Build(nested);
                    if (!model.Annotations.Get(localFunction).NoLockAnalysis)
                    {
                        var location = localFunction.Locations.Length > 0 ? localFunction.Locations[0] : Location.None;
                        LockFlowAnalysis.Run(flow, nested, nestedIndex, localFunction, location);
                    }

                    pending.Push((nested, nestedIndex));
                }

                foreach (var lambda in index.AnonymousFunctions)
                {
                    var nested = graph.GetAnonymousFunctionControlFlowGraph(lambda, flow.CancellationToken);
                    var nestedIndex = GraphIndex.Build(nested);
                    if (!model.Annotations.Get(lambda.Symbol).NoLockAnalysis)
                    {
                        LockFlowAnalysis.Run(flow, nested, nestedIndex, lambda.Symbol, lambda.Syntax.GetLocation());
                    }

                    pending.Push((nested, nestedIndex));
                }
            }
        }
    }
}

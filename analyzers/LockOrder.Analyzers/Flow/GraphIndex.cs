using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace LockOrder.Analyzers.Flow
{
    /// <summary>
    /// What one walk over a control-flow graph's operations finds: the value each flow capture stands for (a lock
    /// taken through a captured receiver is still that receiver's lock) and the lambdas, which are analyzed as bodies
    /// of their own. One walk serves both, since every operation tree of a locking body is otherwise walked once more.
    /// </summary>
    internal sealed class GraphIndex
    {
        private readonly Dictionary<CaptureId, IOperation> captures = new Dictionary<CaptureId, IOperation>();
        private readonly List<IFlowAnonymousFunctionOperation> anonymousFunctions = new List<IFlowAnonymousFunctionOperation>();

        private GraphIndex()
        {
        }

        /// <summary>The lambdas created in the graph, in block and evaluation order.</summary>
        internal IReadOnlyList<IFlowAnonymousFunctionOperation> AnonymousFunctions => anonymousFunctions;

        internal static GraphIndex Build(ControlFlowGraph graph)
        {
            var index = new GraphIndex();
            var pending = new Stack<IOperation>();
            foreach (var block in graph.Blocks)
            {
                foreach (var operation in block.Operations)
                {
                    index.Add(operation, pending);
                }

                if (block.BranchValue is not null)
                {
                    index.Add(block.BranchValue, pending);
                }
            }

            return index;
        }

        /// <summary>The value <paramref name="reference"/> reads (the first capture of its id), or null when the graph has none.</summary>
        internal IOperation? ResolveCapture(IFlowCaptureReferenceOperation reference) =>
            captures.TryGetValue(reference.Id, out var value) ? value : null;

        private void Add(IOperation root, Stack<IOperation> pending)
        {
            pending.Push(root);
            while (pending.Count > 0)
            {
                var operation = pending.Pop();
                switch (operation)
                {
                    case IFlowCaptureOperation capture when !captures.ContainsKey(capture.Id):
                        captures[capture.Id] = capture.Value;
                        break;
                    case IFlowAnonymousFunctionOperation lambda:
                        anonymousFunctions.Add(lambda);
                        break;
                }

                // Children in reverse, so they come off the stack in evaluation order (the first capture wins).
                foreach (var child in operation.ChildOperations.Reverse())
                {
                    pending.Push(child);
                }
            }
        }
    }
}

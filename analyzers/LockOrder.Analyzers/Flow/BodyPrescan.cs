using System.Collections.Generic;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockOrder.Analyzers.Flow
{
    /// <summary>
    /// The cheap test run before any control-flow graph is built: a body in which no lock can ever be held and no
    /// lock contract is involved cannot produce a flow diagnostic, so ordinary code costs one walk of its operations.
    /// </summary>
    internal static class BodyPrescan
    {
        internal static bool NeedsAnalysis(IOperation body, IMethodSymbol? owner, AnnotationReader annotations)
        {
            if (owner is not null && LockCallClassifier.IsLockOperation(owner, annotations))
            {
                return true;
            }

            // Every body of the compilation passes through here, so the walk is a plain stack over ChildOperations and
            // the test a switch on the operation's kind: on ordinary code this scan is about half of the analyzer's cost.
            var pending = new Stack<IOperation>();
            pending.Push(body);
            while (pending.Count > 0)
            {
                var operation = pending.Pop();
                IMethodSymbol? target = operation.Kind switch
                {
                    OperationKind.Invocation => ((IInvocationOperation)operation).TargetMethod,
                    OperationKind.ObjectCreation => ((IObjectCreationOperation)operation).Constructor,
                    OperationKind.PropertyReference => Accessor(((IPropertyReferenceOperation)operation).Property),
                    OperationKind.LocalFunction => ((ILocalFunctionOperation)operation).Symbol,
                    OperationKind.AnonymousFunction => ((IAnonymousFunctionOperation)operation).Symbol,
                    _ => null,
                };

                if (operation.Kind == OperationKind.Lock || (target is not null && LockCallClassifier.IsLockOperation(target, annotations)))
                {
                    return true;
                }

                foreach (var child in operation.ChildOperations)
                {
                    pending.Push(child);
                }
            }

            return false;
        }

        private static IMethodSymbol? Accessor(IPropertySymbol property) => property.GetMethod ?? property.SetMethod;
    }
}

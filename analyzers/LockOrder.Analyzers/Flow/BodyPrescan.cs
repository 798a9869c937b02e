using System.Collections.Generic;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockOrder.Analyzers.Flow
{
    /// <summary>
    /// The cheap test run before any control-flow graph is built: a body in which no lock can ever be held, no lock
    /// contract is involved and no delegate is handed to a method that may run it under that method's own locks
    /// cannot produce a flow diagnostic or an order edge, so ordinary code costs one walk of its operations.
    /// </summary>
    internal static class BodyPrescan
    {
        internal static bool NeedsAnalysis(IOperation body, IMethodSymbol? owner, AnnotationReader annotations, IAssemblySymbol compiled)
        {
            if (owner is not null && LockCallClassifier.IsLockOperation(owner, annotations))
            {
                return true;
            }

            // Every body of the compilation passes through here, so the walk is a plain stack over ChildOperations and
            // the test a switch on the operation's kind: on ordinary code this scan is about half of the analyzer's cost.
            // One stack per thread, kept between bodies: a new one per body, grown again each time, was a third of the scan.
            var pending = sparePending ?? new Stack<IOperation>();
            sparePending = null;
            try
            {
                return Scan(body, annotations, compiled, pending);
            }
            finally
            {
                pending.Clear();
                sparePending = pending;
            }
        }

        [System.ThreadStatic]
        private static Stack<IOperation>? sparePending;

        private static bool Scan(IOperation body, AnnotationReader annotations, IAssemblySymbol compiled, Stack<IOperation> pending)
        {
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

                if (operation.Kind == OperationKind.Invocation && HandsADelegateToARunner((IInvocationOperation)operation, compiled))
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

        /// <summary>
        /// Whether the call passes a delegate to a method that may run it under locks of its own: one of this compilation
        /// (its summary says), or one that runs it before returning (<see cref="SynchronousInvokers"/>). Library methods
        /// such as LINQ's defer what they are given, and cost nothing here.
        /// </summary>
        private static bool HandsADelegateToARunner(IInvocationOperation invocation, IAssemblySymbol compiled)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter && SynchronousInvokers.IsDelegateOrDelegates(parameter.Type)
                    && (SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingAssembly, compiled)
                        || SynchronousInvokers.RunsBeforeReturning(invocation.TargetMethod, parameter)))
                {
                    return true;
                }
            }

            return false;
        }
    }
}

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using LockOrder.Analyzers.Flow;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>
    /// The locks a body holds at one operation, read from the constructs around it rather than from a flow analysis:
    /// the <c>lock</c> statements and <c>using</c> scopes it is inside, and the acquisitions earlier in each enclosing
    /// block that no earlier statement of that block releases (<c>x.Enter(); try { here } finally { x.Exit(); }</c>).
    /// A summary asks this where a method runs a delegate parameter: the callback runs under these locks.
    /// </summary>
    internal static class StructuralHeldLocks
    {
        internal static ImmutableArray<HeldAtInvocation> Around(IOperation operation, IOperation root, LockModel model, ISymbol? owner, ValueOrigins origins, CancellationToken cancellationToken)
        {
            var held = new List<HeldAtInvocation>();
            var child = operation;
            for (var parent = operation.Parent; parent is not null && !ReferenceEquals(child, root); child = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case ILockOperation lockStatement when ReferenceEquals(child, lockStatement.Body):
                        if (LockCallClassifier.LockStatement(model, lockStatement, origins, cancellationToken, inSummary: true) is { } taken)
                        {
                            held.Add(new HeldAtInvocation(taken.LockClass, taken.Mode, taken.Instance, lockStatement.LockedValue.Syntax.GetLocation()));
                        }

                        break;
                    case IUsingOperation usingStatement when ReferenceEquals(child, usingStatement.Body):
                        AddAcquisitions(usingStatement.Resources, held, model, owner, origins, cancellationToken);
                        break;
                    case IBlockOperation block:
                        var open = new List<HeldAtInvocation>();
                        foreach (var statement in block.Operations)
                        {
                            if (ReferenceEquals(statement, child))
                            {
                                break;
                            }

                            if (statement is IUsingDeclarationOperation usingDeclaration)
                            {
                                AddAcquisitions(usingDeclaration.DeclarationGroup, open, model, owner, origins, cancellationToken);
                            }
                            else if (statement is IExpressionStatementOperation { Operation: IInvocationOperation invocation })
                            {
                                Apply(invocation, open, model, owner, origins, cancellationToken);
                            }
                        }

                        held.AddRange(open);
                        break;
                }
            }

            return held.ToImmutableArray();
        }

        private static void AddAcquisitions(IOperation? resources, List<HeldAtInvocation> held, LockModel model, ISymbol? owner, ValueOrigins origins, CancellationToken cancellationToken)
        {
            if (resources is null)
            {
                return;
            }

            foreach (var operation in resources.DescendantsAndSelf())
            {
                if (operation is IInvocationOperation invocation)
                {
                    foreach (var action in Classify(invocation, model, owner, origins, cancellationToken))
                    {
                        if (action.Kind == LockActionKind.Acquire && action.ReturnsScope)
                        {
                            held.Add(new HeldAtInvocation(action.LockClass, action.Mode, action.Instance, invocation.Syntax.GetLocation()));
                        }
                    }
                }
            }
        }

        /// <summary>An acquisition statement opens a hold, a release statement closes the last one of its class.</summary>
        private static void Apply(IInvocationOperation invocation, List<HeldAtInvocation> open, LockModel model, ISymbol? owner, ValueOrigins origins, CancellationToken cancellationToken)
        {
            foreach (var action in Classify(invocation, model, owner, origins, cancellationToken))
            {
                if (action.Kind == LockActionKind.Acquire && action.Blocking && !action.ReturnsScope)
                {
                    open.Add(new HeldAtInvocation(action.LockClass, action.Mode, action.Instance, invocation.Syntax.GetLocation()));
                }
                else if (action.Kind == LockActionKind.Release)
                {
                    for (int i = open.Count - 1; i >= 0; i--)
                    {
                        if (open[i].LockClass.IsSameOrDerivedFrom(action.LockClass))
                        {
                            open.RemoveAt(i);
                            break;
                        }
                    }
                }
            }
        }

        private static ImmutableArray<LockAction> Classify(IInvocationOperation invocation, LockModel model, ISymbol? owner, ValueOrigins origins, CancellationToken cancellationToken)
        {
            var target = invocation.TargetMethod;
            if (!LockCallClassifier.IsLockOperation(target, model.Annotations))
            {
                return ImmutableArray<LockAction>.Empty;
            }

            var normalized = SummaryProvider.Normalize(target);
            return LockCallClassifier.Classify(model, target, normalized, model.Annotations.Get(normalized), invocation.Instance, invocation.Arguments, owner, origins, cancellationToken, inSummary: true);
        }
    }
}

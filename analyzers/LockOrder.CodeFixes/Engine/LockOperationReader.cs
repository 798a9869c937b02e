using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockOrder.CodeFixes.Engine
{
    /// <summary>
    /// Decodes calls into lock operations with the analyzer's own annotation reader, so a fix sees exactly the lock
    /// semantics the diagnostic was computed from.
    /// </summary>
    internal static class LockOperationReader
    {
        /// <summary>
        /// The lock operation <paramref name="node"/> performs, or <see langword="null"/> when it is not a call with
        /// exactly one acquire, try-acquire or release contract (e.g. <c>DowngradeWrite</c>, which both releases and
        /// acquires, is left alone).
        /// </summary>
        internal static LockOperation? Read(SemanticModel model, SyntaxNode? node, CancellationToken cancellationToken)
        {
            if (node is not InvocationExpressionSyntax invocation
                || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
            {
                return null;
            }

            LockOperation? found = null;
            foreach (var contract in new AnnotationReader().Get(method).Contracts)
            {
                LockOperationKind kind;
                switch (contract.Kind)
                {
                    case LockContractKind.Acquires: kind = LockOperationKind.Acquire; break;
                    case LockContractKind.TryAcquires: kind = LockOperationKind.TryAcquire; break;
                    case LockContractKind.Releases: kind = LockOperationKind.Release; break;
                    default: continue;
                }

                if (found is not null)
                {
                    return null;
                }

                ExpressionSyntax? receiver = null;
                ITypeSymbol? lockClass = contract.LockClass?.LockType;
                if (contract.IsOnReceiver)
                {
                    receiver = (invocation.Expression as MemberAccessExpressionSyntax)?.Expression;
                    lockClass = receiver is null ? method.ContainingType : model.GetTypeInfo(receiver, cancellationToken).Type;
                }

                if (lockClass is null || lockClass.TypeKind == TypeKind.Error)
                {
                    return null;
                }

                found = new LockOperation(invocation, method, kind, contract.Mode, lockClass, receiver);
            }

            return found;
        }

        /// <summary>
        /// The lock operations performed directly by <paramref name="node"/>'s code, in order — not those inside lambdas
        /// or local functions declared there, which run at another time.
        /// </summary>
        internal static IEnumerable<LockOperation> OperationsIn(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
        {
            foreach (var invocation in node.DescendantNodesAndSelf(descendIntoChildren: n => n == node || !IsDeferredCode(n)).OfType<InvocationExpressionSyntax>())
            {
                if (Read(model, invocation, cancellationToken) is { } operation)
                {
                    yield return operation;
                }
            }
        }

        /// <summary>Code that does not run where it is written: lambdas, anonymous methods, local functions.</summary>
        internal static bool IsDeferredCode(SyntaxNode node) =>
            node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax;

        /// <summary>Whether two operations name the same lock object: same class, and the same access path in the code.</summary>
        internal static bool SameLock(LockOperation first, LockOperation second) =>
            SymbolEqualityComparer.Default.Equals(first.LockClass, second.LockClass)
            && first.Receiver is not null
            && second.Receiver is not null
            && SyntaxFactory.AreEquivalent(Unthis(first.Receiver), Unthis(second.Receiver));

        /// <summary>Whether evaluating the lock object has no side effect and its value cannot depend on evaluation order.</summary>
        internal static bool IsSimplePath(ExpressionSyntax? expression) =>
            expression switch
            {
                null => true,
                IdentifierNameSyntax => true,
                ThisExpressionSyntax => true,
                MemberAccessExpressionSyntax member when member.IsKind(SyntaxKind.SimpleMemberAccessExpression) => IsSimplePath(member.Expression),
                ParenthesizedExpressionSyntax parenthesized => IsSimplePath(parenthesized.Expression),
                _ => false,
            };

        // "this.vmaLock" and "vmaLock" name the same field.
        private static ExpressionSyntax Unthis(ExpressionSyntax expression) =>
            expression is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } member ? member.Name : expression;
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using LockOrder.Analyzers.Flow;
using LockOrder.Analyzers.Interprocedural;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LockOrder.CodeFixes.Engine
{
    /// <summary>
    /// Decodes calls and <c>lock</c> statements into lock operations with the analyzer's own classifier — LockOrder's
    /// contracts and the BCL lock methods of DESIGN §11 alike, with lock classes named as the analyzer names them — so a
    /// fix sees exactly the lock semantics the diagnostic was computed from.
    /// </summary>
    internal static class LockOperationReader
    {
        // The analyzer's per-compilation facts (decoded annotations, what the creations of BCL lock members say), kept
        // as long as the compilation lives: one fix reads many calls of one compilation, and Fix All many fixes.
        private static readonly ConditionalWeakTable<Compilation, LockModel> Models = new ConditionalWeakTable<Compilation, LockModel>();

        /// <summary>
        /// The lock operation <paramref name="node"/> performs — a call, a <c>lock</c> statement or the expression it
        /// locks — or <see langword="null"/> when it is none, when the analyzer cannot name its lock (it reports nothing
        /// there either), or when it is a call that does more than one thing to locks (e.g. <c>DowngradeWrite</c>,
        /// which both releases and acquires, is left alone).
        /// </summary>
        internal static LockOperation? Read(SemanticModel model, SyntaxNode? node, CancellationToken cancellationToken)
        {
            switch (node)
            {
                case LockStatementSyntax statement:
                    return ReadLockStatement(model, statement, cancellationToken);
                case ExpressionSyntax expression when expression.Parent is LockStatementSyntax statement && statement.Expression == expression:
                    return ReadLockStatement(model, statement, cancellationToken);
                case InvocationExpressionSyntax invocation:
                    return ReadCall(model, invocation, cancellationToken);
                default:
                    return null;
            }
        }

        /// <summary>
        /// The lock operations performed directly by <paramref name="node"/>'s code, in order — calls and <c>lock</c>
        /// statements, not those inside lambdas or local functions declared there, which run at another time.
        /// </summary>
        internal static IEnumerable<LockOperation> OperationsIn(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
        {
            foreach (var candidate in node.DescendantNodesAndSelf(descendIntoChildren: n => n == node || !IsDeferredCode(n)))
            {
                var operation = candidate switch
                {
                    InvocationExpressionSyntax invocation => ReadCall(model, invocation, cancellationToken),
                    LockStatementSyntax statement => ReadLockStatement(model, statement, cancellationToken),
                    _ => null,
                };
                if (operation is not null)
                {
                    yield return operation;
                }
            }
        }

        /// <summary>
        /// The expression whose value is <paramref name="invocation"/>'s result as the code sees it: the call itself, or
        /// the <c>await</c> of it (<c>await s.WaitAsync(t)</c>, <c>await s.WaitAsync(t).ConfigureAwait(false)</c>).
        /// </summary>
        internal static ExpressionSyntax ResultOf(InvocationExpressionSyntax invocation)
        {
            ExpressionSyntax result = invocation;
            if (invocation.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Parent: InvocationExpressionSyntax { Parent: AwaitExpressionSyntax } configured } access
                && access.Expression == invocation)
            {
                result = configured;
            }

            return result.Parent is AwaitExpressionSyntax awaited ? awaited : invocation;
        }

        /// <summary>Code that does not run where it is written: lambdas, anonymous methods, local functions.</summary>
        internal static bool IsDeferredCode(SyntaxNode node) =>
            node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax;

        /// <summary>
        /// Whether two operations name the same lock object: same class taken the same way (a <c>Lock</c>'s own lock is
        /// not its monitor), and the same access path in the code.
        /// </summary>
        internal static bool SameLock(LockOperation first, LockOperation second) =>
            first.LockClass.Equals(second.LockClass)
            && first.Primitive == second.Primitive
            && first.LockObject is not null
            && second.LockObject is not null
            && SyntaxFactory.AreEquivalent(Unthis(first.LockObject), Unthis(second.LockObject));

        /// <summary>Whether evaluating the lock object has no side effect and its value cannot depend on evaluation order.</summary>
        internal static bool IsSimplePath(ExpressionSyntax? expression) =>
            expression switch
            {
                null => true,
                IdentifierNameSyntax => true,
                ThisExpressionSyntax => true,
                TypeOfExpressionSyntax => true,
                LiteralExpressionSyntax literal => literal.IsKind(SyntaxKind.StringLiteralExpression),
                MemberAccessExpressionSyntax member when member.IsKind(SyntaxKind.SimpleMemberAccessExpression) => IsSimplePath(member.Expression),
                ParenthesizedExpressionSyntax parenthesized => IsSimplePath(parenthesized.Expression),
                _ => false,
            };

        /// <summary>
        /// Whether <paramref name="code"/> assigns (or passes by reference) a variable or member the lock object's path
        /// <paramref name="lockObject"/> is read through: <c>_sync = new object()</c> between an enter and its exit makes
        /// them two objects, which one <c>lock</c> statement, evaluating its object once, would not be.
        /// </summary>
        internal static bool ReassignsPath(SemanticModel model, ExpressionSyntax lockObject, IEnumerable<SyntaxNode> code, CancellationToken cancellationToken)
        {
            var path = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var name in lockObject.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
            {
                if (model.GetSymbolInfo(name, cancellationToken).Symbol is { } symbol and (ILocalSymbol or IParameterSymbol or IFieldSymbol or IPropertySymbol))
                {
                    path.Add(symbol);
                }
            }

            foreach (var node in code.SelectMany(c => c.DescendantNodesAndSelf()))
            {
                ExpressionSyntax? target = node switch
                {
                    AssignmentExpressionSyntax assignment => assignment.Left,
                    PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.PreIncrementExpression) || unary.IsKind(SyntaxKind.PreDecrementExpression) => unary.Operand,
                    PostfixUnaryExpressionSyntax unary => unary.Operand,
                    ArgumentSyntax argument when !argument.RefKindKeyword.IsKind(SyntaxKind.None) => argument.Expression,
                    _ => null,
                };
                if (target is not null && model.GetSymbolInfo(target, cancellationToken).Symbol is { } written && path.Contains(written))
                {
                    return true;
                }
            }

            return false;
        }

        private static LockOperation? ReadCall(SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
        {
            if (model.GetOperation(invocation, cancellationToken) is not IInvocationOperation call)
            {
                return null;
            }

            var lockModel = ModelOf(model.Compilation);
            var target = call.TargetMethod;
            var normalized = SummaryProvider.Normalize(target);
            var annotations = lockModel.Annotations.Get(normalized);
            if (annotations.Contracts.IsEmpty && !BclLockCalls.MayBeLockMethod(target))
            {
                // The common case (most calls take no lock): spare reading the body's locals.
                return null;
            }

            var owner = model.GetEnclosingSymbol(invocation.SpanStart, cancellationToken);
            var actions = LockCallClassifier.Classify(lockModel, target, normalized, annotations, call.Instance, call.Arguments, owner, OriginsOf(model, invocation, cancellationToken), cancellationToken);
            LockAction? found = null;
            foreach (var action in actions)
            {
                if (action.Kind is LockActionKind.Acquire or LockActionKind.TryAcquire or LockActionKind.Release)
                {
                    if (found is not null)
                    {
                        return null;
                    }

                    found = action;
                }
            }

            if (found is not { } chosen)
            {
                return null;
            }

            var kind = chosen.Kind switch
            {
                LockActionKind.Acquire => LockOperationKind.Acquire,
                LockActionKind.TryAcquire => LockOperationKind.TryAcquire,
                _ => LockOperationKind.Release,
            };
            var receiver = (invocation.Expression as MemberAccessExpressionSyntax)?.Expression;
            ExpressionSyntax? lockObject;
            if (!annotations.Contracts.IsEmpty)
            {
                // A contract on the receiver locks the receiver; one that names a class or a member names no expression.
                lockObject = annotations.Contracts.Any(c => c.Kind is LockContractKind.Acquires or LockContractKind.TryAcquires or LockContractKind.Releases && c.IsOnReceiver) ? receiver : null;
            }
            else
            {
                var bclCall = BclLockCalls.Classify(target, LockCallClassifier.StripConversions(call.Instance)?.Type);
                lockObject = bclCall.LockObject == BclLockCall.Receiver ? receiver : ArgumentSyntax(call, bclCall.LockObject);
            }

            return LockOperation.ForCall(invocation, target, kind, chosen.Mode, chosen.LockClass, lockObject, chosen.TakenFlag?.Syntax as ExpressionSyntax, chosen.ReturnsScope);
        }

        private static LockOperation? ReadLockStatement(SemanticModel model, LockStatementSyntax statement, CancellationToken cancellationToken)
        {
            if (model.GetOperation(statement, cancellationToken) is not ILockOperation operation)
            {
                return null;
            }

            var action = LockCallClassifier.LockStatement(ModelOf(model.Compilation), operation, OriginsOf(model, statement, cancellationToken), cancellationToken);
            return action is { } acquisition && !acquisition.LockClass.IsError ? LockOperation.ForLockStatement(statement, acquisition.LockClass) : null;
        }

        private static LockModel ModelOf(Compilation compilation) => Models.GetValue(compilation, LockModel.Create);

        /// <summary>
        /// Where the locals of the member around <paramref name="node"/> get their values, as the analyzer reads them for
        /// the whole member (its lambdas and local functions included): a lock read into a local is named by the member
        /// it was read from.
        /// </summary>
        private static ValueOrigins OriginsOf(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
        {
            var member = node.AncestorsAndSelf().FirstOrDefault(n => n is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax or IndexerDeclarationSyntax })
                ?? node.AncestorsAndSelf().LastOrDefault();
            return new ValueOrigins(member is null ? null : model.GetOperation(member, cancellationToken), captures: null);
        }

        /// <summary>The syntax of the value passed for the parameter at <paramref name="ordinal"/>.</summary>
        private static ExpressionSyntax? ArgumentSyntax(IInvocationOperation call, int ordinal)
        {
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal && !argument.IsImplicit)
                {
                    return (argument.Syntax as ArgumentSyntax)?.Expression;
                }
            }

            return null;
        }

        // "this.vmaLock" and "vmaLock" name the same field.
        private static ExpressionSyntax Unthis(ExpressionSyntax expression) =>
            expression is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } member ? member.Name : expression;
    }
}

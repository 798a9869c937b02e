using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LockOrder.Analyzers.Model;
using LockOrder.CodeFixes.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace LockOrder.CodeFixes.Fixes
{
    /// <summary>
    /// LOCK005: an explicit <c>x.Enter(); … x.Exit();</c> pair leaks the lock on every path that leaves between them
    /// (an early return, a break, an exception). Turning the pair into <c>using (x.Lock()) { … }</c> releases it on
    /// all of them, and on the paths that reached the exit nothing changes. Offered only when the exit is a later
    /// statement of the same list, nothing between them touches the same lock, and nothing declared between them is
    /// used after the exit (it would go out of scope).
    /// </summary>
    internal sealed class ReleaseWithScopeFix : LockFix
    {
        internal const string Title = "Release with a scope";

        internal override string EquivalenceKey => "LockOrder.ReleaseWithScope";

        internal override string GenericTitle => Title;

        internal override async Task<FixResult?> TryFixAsync(Document document, SyntaxNode diagnosed, SyntaxNode? held, CancellationToken cancellationToken)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (model is null || root is null || LockOperationReader.Read(model, diagnosed, cancellationToken) is not { } operation)
            {
                return null;
            }

            var pair = operation.Kind switch
            {
                LockOperationKind.Acquire => FindPairFromEnter(model, operation, cancellationToken),
                LockOperationKind.Release => FindPairFromExit(model, operation, cancellationToken),
                _ => null,
            };
            if (pair is not var (slot, enterIndex, exitIndex, enter) || ScopeMethod(enter) is not { } scopeMethod)
            {
                return null;
            }

            var region = Enumerable.Range(enterIndex + 1, exitIndex - enterIndex - 1).Select(slot.StatementAt).ToList();
            if (!CanEnclose(model, slot, region, exitIndex, cancellationToken))
            {
                return null;
            }

            var enterStatement = slot.StatementAt(enterIndex);
            var exitStatement = slot.StatementAt(exitIndex);
            var scopeCall = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, enter.Receiver!.WithoutTrivia(), SyntaxFactory.IdentifierName(scopeMethod.Name)));

            // Comments written on the exit line stay with the code: they move to the end of the scope's block.
            var closeBrace = SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(exitStatement.GetLeadingTrivia().Where(IsComment).SelectMany(c => new[] { c, SyntaxFactory.ElasticCarriageReturnLineFeed }));
            var block = SyntaxFactory.Block(region).WithCloseBraceToken(closeBrace);
            var usingStatement = SyntaxFactory.UsingStatement(null, scopeCall, block)
                .WithLeadingTrivia(enterStatement.GetLeadingTrivia())
                .WithTrailingTrivia(exitStatement.GetTrailingTrivia())
                .WithAdditionalAnnotations(Formatter.Annotation);

            var newContainer = slot.WithRangeReplaced(enterIndex, exitIndex, new[] { usingStatement });
            return new FixResult(document.WithSyntaxRoot(root.ReplaceNode(slot.Container, newContainer)), Title);
        }

        private static (StatementSlot Slot, int EnterIndex, int ExitIndex, LockOperation Enter)? FindPairFromEnter(SemanticModel model, LockOperation enter, CancellationToken cancellationToken)
        {
            if (!enter.Method.ReturnsVoid || enter.Receiver is null || enter.Invocation.Parent is not ExpressionStatementSyntax statement || StatementSlot.Of(statement) is not { } slot)
            {
                return null;
            }

            for (int i = slot.Index + 1; i < slot.Siblings.Count; i++)
            {
                var sibling = slot.StatementAt(i);
                var touches = LockOperationReader.OperationsIn(model, sibling, cancellationToken).Where(o => LockOperationReader.SameLock(o, enter)).ToList();
                if (touches.Count == 0)
                {
                    continue;
                }

                bool isExit = touches.Count == 1
                    && touches[0].Kind == LockOperationKind.Release
                    && touches[0].Mode == enter.Mode
                    && touches[0].Invocation.Parent == sibling;
                return isExit ? (slot, slot.Index, i, enter) : null;
            }

            return null;
        }

        private static (StatementSlot Slot, int EnterIndex, int ExitIndex, LockOperation Enter)? FindPairFromExit(SemanticModel model, LockOperation exit, CancellationToken cancellationToken)
        {
            if (exit.Invocation.Parent is not ExpressionStatementSyntax statement || StatementSlot.Of(statement) is not { } slot)
            {
                return null;
            }

            for (int i = slot.Index - 1; i >= 0; i--)
            {
                var touches = LockOperationReader.OperationsIn(model, slot.StatementAt(i), cancellationToken).Where(o => LockOperationReader.SameLock(o, exit)).ToList();
                if (touches.Count == 0)
                {
                    continue;
                }

                // The nearest earlier operation on the lock must be the matching enter, and it must pair with this exit.
                return touches.Count == 1 && touches[0].Kind == LockOperationKind.Acquire && FindPairFromEnter(model, touches[0], cancellationToken) is { } pair && pair.ExitIndex == slot.Index
                    ? pair
                    : null;
            }

            return null;
        }

        /// <summary>The receiver's method that takes the lock in the same mode and returns a scope (<c>Lock</c>, <c>Read</c>, <c>Write</c>).</summary>
        private static IMethodSymbol? ScopeMethod(LockOperation enter)
        {
            var reader = new AnnotationReader();
            for (var type = enter.LockClass as INamedTypeSymbol; type is not null; type = type.BaseType)
            {
                foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
                {
                    if (method.Parameters.IsEmpty && !method.IsStatic && method.TypeParameters.IsEmpty && !method.ReturnsVoid
                        && method.DeclaredAccessibility == Accessibility.Public
                        && method.ReturnType.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_IDisposable)
                        && reader.Get(method).Contracts is { Length: 1 } contracts
                        && contracts[0] is { Kind: LockContractKind.Acquires, IsOnReceiver: true } contract
                        && contract.Mode == enter.Mode)
                    {
                        return method;
                    }
                }
            }

            return null;
        }

        private static bool CanEnclose(SemanticModel model, StatementSlot slot, List<StatementSyntax> region, int exitIndex, CancellationToken cancellationToken)
        {
            // A using declaration in the region would be disposed at the end of the new block instead of its own;
            // a label would become unreachable for a goto outside the block.
            if (region.Any(s => s is LabeledStatementSyntax || s is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: not 0 }))
            {
                return false;
            }

            var declared = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var statement in region)
            {
                switch (statement)
                {
                    case LocalDeclarationStatementSyntax local:
                        foreach (var variable in local.Declaration.Variables)
                        {
                            if (model.GetDeclaredSymbol(variable, cancellationToken) is { } symbol)
                            {
                                declared.Add(symbol);
                            }
                        }

                        break;
                    case LocalFunctionStatementSyntax function:
                        if (model.GetDeclaredSymbol(function, cancellationToken) is { } functionSymbol)
                        {
                            declared.Add(functionSymbol);
                        }

                        break;
                }

                // Pattern and out variables declared in an expression statement live in the enclosing list too.
                foreach (var designation in statement.DescendantNodes(n => !LockOperationReader.IsDeferredCode(n)).OfType<SingleVariableDesignationSyntax>())
                {
                    if (model.GetDeclaredSymbol(designation, cancellationToken) is { } symbol && statement is not (BlockSyntax or IfStatementSyntax or WhileStatementSyntax or ForStatementSyntax or ForEachStatementSyntax))
                    {
                        declared.Add(symbol);
                    }
                }
            }

            if (declared.Count == 0)
            {
                return true;
            }

            for (int i = exitIndex + 1; i < slot.Siblings.Count; i++)
            {
                foreach (var name in slot.StatementAt(i).DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
                {
                    if (model.GetSymbolInfo(name, cancellationToken).Symbol is { } symbol && declared.Contains(symbol))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private static bool IsComment(SyntaxTrivia trivia) =>
            trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia);
    }
}

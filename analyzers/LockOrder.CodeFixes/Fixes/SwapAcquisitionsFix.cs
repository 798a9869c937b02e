using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LockOrder.CodeFixes.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace LockOrder.CodeFixes.Fixes
{
    /// <summary>
    /// LOCK001: the lock declared to come first is taken second. When the two acquisitions are adjacent — nested
    /// <c>using</c> statements with nothing between them, or two consecutive enter statements / using declarations —
    /// swapping them makes every thread take the pair in the declared order, and no statement runs with a different
    /// set of locks held. Anything between the two acquisitions would run without the lock it had before, so
    /// non-adjacent acquisitions are left to the developer.
    /// </summary>
    internal sealed class SwapAcquisitionsFix : LockFix
    {
        internal override string EquivalenceKey => "LockOrder.SwapAcquisitions";

        internal override string GenericTitle => "Acquire locks in the declared order";

        internal static string Title(ITypeSymbol earlier, ITypeSymbol later) => $"Acquire '{earlier.Name}' before '{later.Name}'";

        internal override async Task<FixResult?> TryFixAsync(Document document, SyntaxNode diagnosed, SyntaxNode? held, CancellationToken cancellationToken)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (model is null || root is null || held is null)
            {
                return null;
            }

            var second = LockOperationReader.Read(model, diagnosed, cancellationToken);
            var first = LockOperationReader.Read(model, held, cancellationToken);
            if (first is not { Kind: LockOperationKind.Acquire } || second is not { Kind: LockOperationKind.Acquire }
                || !LockOperationReader.IsSimplePath(first.Receiver) || !LockOperationReader.IsSimplePath(second.Receiver))
            {
                return null;
            }

            var newRoot = SwapNestedUsings(root, first.Invocation, second.Invocation, model, cancellationToken)
                ?? SwapAdjacentStatements(root, first.Invocation, second.Invocation, model, cancellationToken);
            return newRoot is null ? null : new FixResult(document.WithSyntaxRoot(newRoot), Title(second.LockClass, first.LockClass));
        }

        // using (first) using (second) body   or   using (first) { using (second) body }
        private static SyntaxNode? SwapNestedUsings(SyntaxNode root, InvocationExpressionSyntax first, InvocationExpressionSyntax second, SemanticModel model, CancellationToken cancellationToken)
        {
            if (ResourceUsing(first) is not { } outer || ResourceUsing(second) is not { } inner)
            {
                return null;
            }

            var body = outer.Statement is BlockSyntax { Statements.Count: 1 } block ? block.Statements[0] : outer.Statement;
            if (body != inner || DependsOnDeclaration(inner, outer, model, cancellationToken))
            {
                return null;
            }

            var newInner = inner
                .WithDeclaration(outer.Declaration)
                .WithExpression(outer.Expression);
            var newOuter = outer.ReplaceNode(inner, newInner)
                .WithDeclaration(inner.Declaration)
                .WithExpression(inner.Expression)
                .WithAdditionalAnnotations(Formatter.Annotation);
            return root.ReplaceNode(outer, newOuter);
        }

        // first;  second;   as explicit enter statements or using declarations, one right after the other.
        private static SyntaxNode? SwapAdjacentStatements(SyntaxNode root, InvocationExpressionSyntax first, InvocationExpressionSyntax second, SemanticModel model, CancellationToken cancellationToken)
        {
            if (AcquisitionStatement(first) is not { } firstStatement || AcquisitionStatement(second) is not { } secondStatement)
            {
                return null;
            }

            var firstSlot = StatementSlot.Of(firstStatement);
            var secondSlot = StatementSlot.Of(secondStatement);
            if (firstSlot is null || secondSlot is null || !firstSlot.IsSiblingOf(secondSlot) || secondSlot.Index != firstSlot.Index + 1)
            {
                return null;
            }

            // using var a = x.Lock(); using var b = Use(a).Lock();  — the second needs the first's variable.
            if (firstStatement is LocalDeclarationStatementSyntax declaration)
            {
                var declared = declaration.Declaration.Variables.Select(v => model.GetDeclaredSymbol(v, cancellationToken)).ToList();
                if (secondStatement.DescendantNodes().OfType<IdentifierNameSyntax>().Any(id => declared.Contains(model.GetSymbolInfo(id, cancellationToken).Symbol, SymbolEqualityComparer.Default)))
                {
                    return null;
                }
            }

            // Each statement keeps its own comments: they describe it, wherever it goes.
            var firstNode = firstSlot.Node;
            var secondNode = secondSlot.Node;
            var newFirst = secondNode;
            var newSecond = firstNode;
            return root.ReplaceNodes(new[] { firstNode, secondNode }, (original, _) => original == firstNode ? newFirst : newSecond);
        }

        /// <summary>The using statement whose resource is exactly <paramref name="acquisition"/>.</summary>
        private static UsingStatementSyntax? ResourceUsing(InvocationExpressionSyntax acquisition)
        {
            switch (acquisition.Parent)
            {
                case UsingStatementSyntax { AwaitKeyword.RawKind: 0 } statement when statement.Expression == acquisition:
                    return statement;
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: UsingStatementSyntax { AwaitKeyword.RawKind: 0 } statement } } }:
                    return statement;
                default:
                    return null;
            }
        }

        /// <summary>The statement that is exactly <paramref name="acquisition"/>: <c>x.Enter();</c> or <c>using var s = x.Lock();</c>.</summary>
        private static StatementSyntax? AcquisitionStatement(InvocationExpressionSyntax acquisition)
        {
            switch (acquisition.Parent)
            {
                case ExpressionStatementSyntax statement:
                    return statement;
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax declaration } } }
                    when declaration.UsingKeyword.IsKind(SyntaxKind.UsingKeyword) && !declaration.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword):
                    return declaration;
                default:
                    return null;
            }
        }

        private static bool DependsOnDeclaration(UsingStatementSyntax inner, UsingStatementSyntax outer, SemanticModel model, CancellationToken cancellationToken)
        {
            if (outer.Declaration is null)
            {
                return false;
            }

            var declared = outer.Declaration.Variables.Select(v => model.GetDeclaredSymbol(v, cancellationToken)).ToList();
            SyntaxNode? resource = (SyntaxNode?)inner.Declaration ?? inner.Expression;
            return resource is not null && resource.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()
                .Any(id => declared.Contains(model.GetSymbolInfo(id, cancellationToken).Symbol, SymbolEqualityComparer.Default));
        }
    }
}

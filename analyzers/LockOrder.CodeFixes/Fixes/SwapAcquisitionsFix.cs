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
    /// LOCK001: the lock declared to come first is taken second. When the two acquisitions are adjacent — nested
    /// <c>using</c> or <c>lock</c> statements with nothing between them (<c>lock (_entries) { lock (_index) { … } }</c>,
    /// or a <c>using</c> scope around a <c>lock</c>), or two consecutive enter statements / using declarations
    /// (<c>Monitor.Enter</c>, <c>await s.WaitAsync()</c>, <c>x.Enter()</c>) — swapping them makes every thread take the
    /// pair in the declared order, and no statement runs with a different set of locks held. Anything between the two
    /// acquisitions would run without the lock it had before, so non-adjacent acquisitions are left to the developer;
    /// so are lock objects whose evaluation could have side effects or depend on the other lock.
    /// </summary>
    internal sealed class SwapAcquisitionsFix : LockFix
    {
        internal override string EquivalenceKey => "LockOrder.SwapAcquisitions";

        internal override string GenericTitle => "Acquire locks in the declared order";

        /// <summary>"Acquire 'Cache._index' before 'Cache._entries'": the classes as the analyzer's messages name them.</summary>
        internal static string Title(LockClass earlier, LockClass later) => $"Acquire '{earlier.Display}' before '{later.Display}'";

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
                || !LockOperationReader.IsSimplePath(first.LockObject) || !LockOperationReader.IsSimplePath(second.LockObject))
            {
                return null;
            }

            var newRoot = SwapNestedScopes(root, first, second)
                ?? SwapAdjacentStatements(root, first, second, model, cancellationToken);
            return newRoot is null ? null : new FixResult(document.WithSyntaxRoot(newRoot), Title(second.LockClass, first.LockClass));
        }

        // using (first) using (second) body,   lock (first) { lock (second) body },   using (first) lock (second) body, …
        private static SyntaxNode? SwapNestedScopes(SyntaxNode root, LockOperation first, LockOperation second)
        {
            if (ScopeStatement(first) is not { } outer || ScopeStatement(second) is not { } inner)
            {
                return null;
            }

            var outerBody = Body(outer);
            var body = outerBody is BlockSyntax { Statements.Count: 1 } block ? block.Statements[0] : outerBody;
            if (body != inner || Depends(inner, outer) || Depends(outer, inner))
            {
                return null;
            }

            var newInner = WithHeaderOf(inner, outer);
            var newOuter = WithHeaderOf(outer.ReplaceNode(inner, newInner), inner);
            if (outer is UsingStatementSyntax || inner is UsingStatementSyntax)
            {
                // Two lock statements swap only what they lock, every token in its place, and keep the user's layout:
                // the formatter stacks nested using statements, but would indent a nested lock written without braces.
                newOuter = newOuter.WithAdditionalAnnotations(Formatter.Annotation);
            }

            return root.ReplaceNode(outer, newOuter);
        }

        // first;  second;   as explicit enter statements or using declarations, one right after the other.
        private static SyntaxNode? SwapAdjacentStatements(SyntaxNode root, LockOperation first, LockOperation second, SemanticModel model, CancellationToken cancellationToken)
        {
            if (first.Invocation is null || second.Invocation is null
                || AcquisitionStatement(first.Invocation) is not { } firstStatement || AcquisitionStatement(second.Invocation) is not { } secondStatement)
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

        /// <summary>The statement whose header is the acquisition: a <c>lock</c> statement, or a <c>using</c> whose resource is the call.</summary>
        private static StatementSyntax? ScopeStatement(LockOperation acquisition) =>
            (StatementSyntax?)acquisition.LockStatement ?? (acquisition.Invocation is { } invocation ? ResourceUsing(invocation) : null);

        private static StatementSyntax Body(StatementSyntax scope) =>
            scope is LockStatementSyntax lockStatement ? lockStatement.Statement : ((UsingStatementSyntax)scope).Statement;

        /// <summary>
        /// <paramref name="target"/> with the header (what it locks) of <paramref name="source"/>: the resource or the
        /// lock object alone when both are the same kind of statement, so every token keeps its place and trivia;
        /// otherwise <paramref name="source"/>'s statement around <paramref name="target"/>'s body, in its place.
        /// </summary>
        private static StatementSyntax WithHeaderOf(StatementSyntax target, StatementSyntax source)
        {
            switch (target, source)
            {
                case (UsingStatementSyntax targetUsing, UsingStatementSyntax sourceUsing):
                    return targetUsing.WithDeclaration(sourceUsing.Declaration).WithExpression(sourceUsing.Expression);
                case (LockStatementSyntax targetLock, LockStatementSyntax sourceLock):
                    return targetLock.WithExpression(sourceLock.Expression);
                case (_, LockStatementSyntax sourceLock):
                    return sourceLock.WithStatement(Body(target)).WithTriviaFrom(target);
                default:
                    return ((UsingStatementSyntax)source).WithStatement(Body(target)).WithTriviaFrom(target);
            }
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

        /// <summary>The statement that is exactly <paramref name="acquisition"/>: <c>x.Enter();</c>, <c>await s.WaitAsync();</c> or <c>using var s = x.Lock();</c>.</summary>
        private static StatementSyntax? AcquisitionStatement(InvocationExpressionSyntax acquisition)
        {
            if (LockOperationReader.ResultOf(acquisition) is AwaitExpressionSyntax { Parent: ExpressionStatementSyntax awaited })
            {
                return awaited;
            }

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

        /// <summary>
        /// Whether swapping would change what a header means: <paramref name="user"/>'s header reads a variable
        /// <paramref name="declarer"/> declares, or uses its name (which would then name that variable).
        /// </summary>
        private static bool Depends(StatementSyntax user, StatementSyntax declarer)
        {
            if (declarer is not UsingStatementSyntax { Declaration: { } declaration })
            {
                return false;
            }

            var names = declaration.Variables.Select(v => v.Identifier.ValueText).ToList();
            SyntaxNode? header = user switch
            {
                UsingStatementSyntax usingStatement => (SyntaxNode?)usingStatement.Declaration ?? usingStatement.Expression,
                LockStatementSyntax lockStatement => lockStatement.Expression,
                _ => null,
            };
            return header is not null && header.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(id => names.Contains(id.Identifier.ValueText));
        }
    }
}

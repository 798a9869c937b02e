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
            if (Enclose(model, slot, region, exitIndex, cancellationToken) is not var (declarations, body))
            {
                return null;
            }

            var enterStatement = slot.StatementAt(enterIndex);
            var exitStatement = slot.StatementAt(exitIndex);
            var scopeCall = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, enter.Receiver!.WithoutTrivia(), SyntaxFactory.IdentifierName(scopeMethod.Name)));

            // Comments written on the exit line stay with the code: they move to the end of the scope's block.
            var closeBrace = SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(exitStatement.GetLeadingTrivia().Where(IsComment).SelectMany(c => new[] { c, SyntaxFactory.ElasticCarriageReturnLineFeed }));
            var block = SyntaxFactory.Block(body).WithCloseBraceToken(closeBrace);
            var usingStatement = SyntaxFactory.UsingStatement(null, scopeCall, block)
                .WithLeadingTrivia(enterStatement.GetLeadingTrivia())
                .WithTrailingTrivia(exitStatement.GetTrailingTrivia())
                .WithAdditionalAnnotations(Formatter.Annotation);

            if (declarations.Count > 0)
            {
                // The declarations take the enter's place (and comments); the scope follows them.
                declarations[0] = declarations[0].WithLeadingTrivia(enterStatement.GetLeadingTrivia());
                usingStatement = usingStatement.WithLeadingTrivia(SyntaxFactory.ElasticMarker);
            }

            var newContainer = slot.WithRangeReplaced(enterIndex, exitIndex, declarations.Append(usingStatement));
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

        /// <summary>
        /// The statements of the new scope's block, and the declarations that must move in front of it: a local declared
        /// between enter and exit but used after the exit is declared before the scope and assigned inside it, so that
        /// it keeps its value and its scope. <see langword="null"/> when the region cannot be enclosed.
        /// </summary>
        private static (List<StatementSyntax> Declarations, List<StatementSyntax> Body)? Enclose(SemanticModel model, StatementSlot slot, List<StatementSyntax> region, int exitIndex, CancellationToken cancellationToken)
        {
            var usedAfter = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            for (int i = exitIndex + 1; i < slot.Siblings.Count; i++)
            {
                foreach (var name in slot.StatementAt(i).DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
                {
                    if (model.GetSymbolInfo(name, cancellationToken).Symbol is { } symbol)
                    {
                        usedAfter.Add(symbol);
                    }
                }
            }

            var declarations = new List<StatementSyntax>();
            var body = new List<StatementSyntax>();
            foreach (var statement in region)
            {
                // A using declaration would be disposed at the end of the new block instead of its own; a label
                // would become unreachable for a goto outside the block.
                if (statement is LabeledStatementSyntax || statement is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: not 0 })
                {
                    return null;
                }

                if (statement is LocalDeclarationStatementSyntax local && local.Declaration.Variables.Any(v => usedAfter.Contains(model.GetDeclaredSymbol(v, cancellationToken)!)))
                {
                    if (local.IsConst || local.Declaration.Variables.Count != 1 || local.Declaration.Type is RefTypeSyntax
                        || model.GetDeclaredSymbol(local.Declaration.Variables[0], cancellationToken) is not ILocalSymbol variable
                        || variable.Type.IsAnonymousType || variable.Type.TypeKind == TypeKind.Error)
                    {
                        return null;
                    }

                    var declarator = local.Declaration.Variables[0];
                    var type = local.Declaration.Type.IsVar
                        ? SyntaxFactory.ParseTypeName(variable.Type.ToMinimalDisplayString(model, local.SpanStart))
                        : local.Declaration.Type.WithoutTrivia();
                    declarations.Add(SyntaxFactory.LocalDeclarationStatement(
                            SyntaxFactory.VariableDeclaration(type, SyntaxFactory.SingletonSeparatedList(SyntaxFactory.VariableDeclarator(declarator.Identifier.WithoutTrivia()))))
                        .WithAdditionalAnnotations(Formatter.Annotation));
                    if (declarator.Initializer is { } initializer)
                    {
                        body.Add(SyntaxFactory.ExpressionStatement(
                                SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(declarator.Identifier.WithoutTrivia()), initializer.Value.WithoutTrivia()))
                            .WithTriviaFrom(local));
                    }

                    continue;
                }

                // Local functions, and pattern or out variables that live in the enclosing list, cannot be split.
                bool declaresUsedAfter = statement is LocalFunctionStatementSyntax function
                    ? usedAfter.Contains(model.GetDeclaredSymbol(function, cancellationToken)!)
                    : statement is ExpressionStatementSyntax or LocalDeclarationStatementSyntax
                      && statement.DescendantNodes(n => !LockOperationReader.IsDeferredCode(n)).OfType<SingleVariableDesignationSyntax>()
                          .Any(d => model.GetDeclaredSymbol(d, cancellationToken) is { } symbol && usedAfter.Contains(symbol));
                if (declaresUsedAfter)
                {
                    return null;
                }

                body.Add(statement);
            }

            return (declarations, body);
        }

        private static bool IsComment(SyntaxTrivia trivia) =>
            trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia);
    }
}

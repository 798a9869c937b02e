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
    /// LOCK005: an explicit enter … exit pair leaks the lock on every path that leaves between them (an early return, a
    /// break, an exception). Turning the pair into a scope releases it on all of them, and on the paths that reached the
    /// exit nothing changes: <c>x.Enter(); … x.Exit();</c> on a LockOrder lock becomes <c>using (x.Lock()) { … }</c> (the
    /// type's scope method of that mode), <c>Monitor.Enter(o); … Monitor.Exit(o);</c> becomes <c>lock (o) { … }</c>, and
    /// <c>l.Enter(); … l.Exit();</c> on a <c>System.Threading.Lock</c> becomes <c>using (l.EnterScope()) { … }</c> — not
    /// <c>lock (l)</c>, which takes the <c>Lock</c> only from C# 13 on: an earlier language version rejects it, and a
    /// compiler older than C# 13's takes the object's monitor (another lock than the one <c>l.Enter()</c> takes
    /// elsewhere). The exit may sit in the <c>finally</c> of a later <c>try</c>, last
    /// (<c>Monitor.Enter(o); if (…) return; try { … } finally { Monitor.Exit(o); }</c>), and be guarded by the
    /// enter's success flag (<c>if (taken) Monitor.Exit(o);</c>), whose declaration then goes too; the enter may open
    /// the <c>try</c> (<c>bool taken = false; try { Monitor.Enter(o, ref taken); … } finally { if (taken) Monitor.Exit(o); }</c>).
    /// Offered only when nothing between enter and exit touches the same lock or assigns what its object is read
    /// through, the lock object is evaluated without side effects, the success flag is used nowhere else, and nothing
    /// declared between them is used after the exit (it would go out of scope). Locks with no scope form
    /// (<c>SemaphoreSlim</c>, reader-writer locks, <c>Mutex</c>, <c>SpinLock</c>) are left alone.
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
            if (pair is null
                || pair.Enter.LockObject is not { } lockObject
                || !LockOperationReader.IsSimplePath(lockObject)
                || ScopeHeader(model, pair.Enter, lockObject, cancellationToken) is not { } header)
            {
                return null;
            }

            var slot = pair.Slot;
            var replaced = Enumerable.Range(pair.EnterIndex, pair.ExitIndex - pair.EnterIndex + 1).Select(slot.StatementAt).ToList();
            if (LockOperationReader.ReassignsPath(model, lockObject, replaced, cancellationToken))
            {
                return null;
            }

            int firstReplaced = pair.EnterIndex;
            LocalDeclarationStatementSyntax? flagDeclaration = null;
            if (pair.Enter.TakenFlag is { } flag)
            {
                // The flag only ever said whether the enter took the lock: the scope says so itself.
                flagDeclaration = RemovableFlagDeclaration(model, pair, flag, cancellationToken);
                if (flagDeclaration is null)
                {
                    return null;
                }

                firstReplaced = StatementSlot.Of(flagDeclaration)!.Index;
            }

            var region = pair.EnterOpensTry
                ? new List<StatementSyntax>()
                : Enumerable.Range(pair.EnterIndex + 1, pair.ExitIndex - pair.EnterIndex - 1).Select(slot.StatementAt).ToList();
            if (Enclose(model, slot, region, pair.ExitIndex, cancellationToken) is not var (declarations, body))
            {
                return null;
            }

            body.AddRange(TryTail(pair));
            var enterStatement = slot.StatementAt(pair.EnterIndex);
            var exitStatement = slot.StatementAt(pair.ExitIndex);

            // Comments written on the exit line stay with the code: they move to the end of the scope's block.
            var exitComments = pair.ReleasingTry is null ? exitStatement.GetLeadingTrivia() : default;
            var closeBrace = SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(exitComments.Where(IsComment).SelectMany(c => new[] { c, SyntaxFactory.ElasticCarriageReturnLineFeed }));
            var block = SyntaxFactory.Block(body).WithCloseBraceToken(closeBrace);
            var scope = header(block)
                .WithLeadingTrivia(enterStatement.GetLeadingTrivia())
                .WithTrailingTrivia(exitStatement.GetTrailingTrivia())
                .WithAdditionalAnnotations(Formatter.Annotation);

            // A comment at the end of the enter's line describes the acquisition: it ends the scope's header line.
            var enterLine = pair.Enter.Invocation!.Parent!.GetTrailingTrivia();
            if (enterLine.Any(IsComment))
            {
                var closeParen = scope is LockStatementSyntax lockStatement ? lockStatement.CloseParenToken : ((UsingStatementSyntax)scope).CloseParenToken;
                scope = scope.ReplaceToken(closeParen, closeParen.WithTrailingTrivia(enterLine));
            }

            if (declarations.Count > 0)
            {
                // The declarations take the enter's place (and comments); the scope follows them.
                declarations[0] = declarations[0].WithLeadingTrivia(enterStatement.GetLeadingTrivia());
                scope = scope.WithLeadingTrivia(SyntaxFactory.ElasticMarker);
            }

            var replacement = Enumerable.Range(firstReplaced, pair.EnterIndex - firstReplaced).Select(slot.StatementAt).Skip(1)
                .Concat(declarations)
                .Append(scope)
                .ToList();
            if (flagDeclaration is not null)
            {
                // The flag's declaration goes; what was written above it stays above what follows it.
                replacement[0] = WithLeadingTriviaBefore(replacement[0], flagDeclaration.GetLeadingTrivia());
            }

            var newContainer = slot.WithRangeReplaced(firstReplaced, pair.ExitIndex, replacement);
            return new FixResult(document.WithSyntaxRoot(root.ReplaceNode(slot.Container, newContainer)), Title);
        }

        private static EnterExitPair? FindPairFromEnter(SemanticModel model, LockOperation enter, CancellationToken cancellationToken)
        {
            if (enter.Kind != LockOperationKind.Acquire || enter.ReturnsScope || enter.LockObject is null
                || enter.Invocation?.Parent is not ExpressionStatementSyntax statement || StatementSlot.Of(statement) is not { } slot)
            {
                return null;
            }

            // try { Monitor.Enter(o, ref taken); … } finally { if (taken) Monitor.Exit(o); }
            if (slot.Index == 0 && slot.Container is BlockSyntax { Parent: TryStatementSyntax { Catches.Count: 0, Finally.Block.Statements.Count: 1 } opened } block
                && opened.Block == block
                && ExitOf(model, opened.Finally!.Block.Statements[0], enter, cancellationToken) is var (openedExit, openedGuard)
                && !block.Statements.Skip(1).Any(s => Touches(model, s, enter, cancellationToken))
                && StatementSlot.Of(opened) is { } trySlot)
            {
                return new EnterExitPair(trySlot, trySlot.Index, enter, openedExit, openedGuard, opened, enterOpensTry: true);
            }

            for (int i = slot.Index + 1; i < slot.Siblings.Count; i++)
            {
                var sibling = slot.StatementAt(i);
                var touches = LockOperationReader.OperationsIn(model, sibling, cancellationToken).Where(o => LockOperationReader.SameLock(o, enter)).ToList();
                if (touches.Count == 0)
                {
                    continue;
                }

                if (touches.Count != 1)
                {
                    return null;
                }

                if (ExitOf(model, sibling, enter, cancellationToken) is var (exit, guard) && exit.Invocation == touches[0].Invocation)
                {
                    return new EnterExitPair(slot, i, enter, exit, guard, null, enterOpensTry: false);
                }

                // Monitor.Enter(o); …; try { … } finally { …; Monitor.Exit(o); }
                if (sibling is TryStatementSyntax { Finally.Block.Statements: { Count: > 0 } finalStatements } releasingTry
                    && ExitOf(model, finalStatements.Last(), enter, cancellationToken) is var (finalExit, finalGuard)
                    && finalExit.Invocation == touches[0].Invocation)
                {
                    return new EnterExitPair(slot, i, enter, finalExit, finalGuard, releasingTry, enterOpensTry: false);
                }

                return null;
            }

            return null;
        }

        private static EnterExitPair? FindPairFromExit(SemanticModel model, LockOperation exit, CancellationToken cancellationToken)
        {
            if (exit.Invocation?.Parent is not ExpressionStatementSyntax statement)
            {
                return null;
            }

            // The statement that is the exit in its list: the call, or the "if (taken)" around it.
            StatementSyntax anchor = statement.Parent switch
            {
                IfStatementSyntax { Else: null } guard when guard.Statement == statement => guard,
                BlockSyntax { Statements.Count: 1, Parent: IfStatementSyntax { Else: null } guard } => guard,
                _ => statement,
            };

            // The last statement of a finally: the enter opens its try, or comes before the try.
            if (anchor.Parent is BlockSyntax { Parent: FinallyClauseSyntax { Parent: TryStatementSyntax releasingTry } } finallyBlock && finallyBlock.Statements.Last() == anchor)
            {
                if (releasingTry.Block.Statements.FirstOrDefault() is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax first }
                    && LockOperationReader.Read(model, first, cancellationToken) is { Kind: LockOperationKind.Acquire } opening
                    && LockOperationReader.SameLock(opening, exit))
                {
                    return Confirmed(FindPairFromEnter(model, opening, cancellationToken), exit);
                }

                anchor = releasingTry;
            }

            if (StatementSlot.Of(anchor) is not { } slot)
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
                return touches.Count == 1 && touches[0].Kind == LockOperationKind.Acquire ? Confirmed(FindPairFromEnter(model, touches[0], cancellationToken), exit) : null;
            }

            return null;
        }

        private static EnterExitPair? Confirmed(EnterExitPair? pair, LockOperation exit) =>
            pair is not null && pair.Exit.Invocation == exit.Invocation ? pair : null;

        /// <summary>
        /// The release of <paramref name="enter"/>'s lock, in its mode, that <paramref name="statement"/> is: <c>x.Exit();</c>,
        /// or <c>if (taken) x.Exit();</c> where <c>taken</c> is the enter's success flag.
        /// </summary>
        private static (LockOperation Exit, ExpressionSyntax? Guard)? ExitOf(SemanticModel model, StatementSyntax statement, LockOperation enter, CancellationToken cancellationToken)
        {
            ExpressionSyntax? guard = null;
            if (statement is IfStatementSyntax { Else: null } guarded)
            {
                guard = guarded.Condition;
                statement = guarded.Statement is BlockSyntax { Statements.Count: 1 } block ? block.Statements[0] : guarded.Statement;
            }

            if (statement is not ExpressionStatementSyntax { Expression: InvocationExpressionSyntax call }
                || LockOperationReader.Read(model, call, cancellationToken) is not { Kind: LockOperationKind.Release } exit
                || exit.Mode != enter.Mode
                || !LockOperationReader.SameLock(exit, enter))
            {
                return null;
            }

            // Only the enter's own flag may guard the exit: any other condition could skip it.
            if (guard is not null
                && (enter.TakenFlag is null || Unparenthesized(guard) is not IdentifierNameSyntax
                    || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(Unparenthesized(guard), cancellationToken).Symbol, model.GetSymbolInfo(enter.TakenFlag, cancellationToken).Symbol)))
            {
                return null;
            }

            return (exit, guard);
        }

        private static bool Touches(SemanticModel model, StatementSyntax statement, LockOperation enter, CancellationToken cancellationToken) =>
            LockOperationReader.OperationsIn(model, statement, cancellationToken).Any(o => LockOperationReader.SameLock(o, enter));

        /// <summary>
        /// The declaration of the enter's success flag, when the flag is a local of the pair's list declared before the
        /// enter, initialized to <c>false</c> (or not at all), and read nowhere but by the exit's guard.
        /// </summary>
        private static LocalDeclarationStatementSyntax? RemovableFlagDeclaration(SemanticModel model, EnterExitPair pair, ExpressionSyntax flag, CancellationToken cancellationToken)
        {
            if (model.GetSymbolInfo(flag, cancellationToken).Symbol is not ILocalSymbol local
                || local.DeclaringSyntaxReferences.Length != 1
                || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax declarator
                || declarator.Initializer is { Value: not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.FalseLiteralExpression } }
                || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax declaration }
                || StatementSlot.Of(declaration) is not { } declarationSlot
                || !declarationSlot.IsSiblingOf(pair.Slot)
                || declarationSlot.Index >= pair.EnterIndex)
            {
                return null;
            }

            var allowed = new[] { Unparenthesized(flag), pair.ExitGuard is null ? null : Unparenthesized(pair.ExitGuard) };
            var scope = pair.Slot.Container;
            foreach (var name in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (name.Identifier.ValueText == local.Name && !allowed.Contains(name)
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, local))
                {
                    return null;
                }
            }

            return declaration;
        }

        /// <summary>
        /// What follows the code between enter and <c>try</c> in the scope: the <c>try</c> without the exit — its block's
        /// statements alone when nothing else is left of it (after the enter, when the enter opens it).
        /// </summary>
        private static IEnumerable<StatementSyntax> TryTail(EnterExitPair pair)
        {
            if (pair.ReleasingTry is not { } releasingTry)
            {
                return Enumerable.Empty<StatementSyntax>();
            }

            var finallyBlock = releasingTry.Finally!.Block;
            var rest = finallyBlock.Statements.RemoveAt(finallyBlock.Statements.Count - 1);
            if (rest.Count > 0 || releasingTry.Catches.Count > 0)
            {
                // Catch clauses and the rest of the finally still run under the lock, before the scope releases it.
                return new[]
                {
                    rest.Count > 0
                        ? releasingTry.WithFinally(releasingTry.Finally.WithBlock(finallyBlock.WithStatements(rest)))
                        : releasingTry.WithFinally(null),
                };
            }

            var statements = releasingTry.Block.Statements.Skip(pair.EnterOpensTry ? 1 : 0).ToList();
            if (!pair.EnterOpensTry && statements.Count > 0)
            {
                // What was written above the try (a blank line, a comment) now introduces its first statement.
                statements[0] = WithLeadingTriviaBefore(statements[0], releasingTry.GetLeadingTrivia());
            }

            return statements;
        }

        /// <summary>
        /// How the scope is written for <paramref name="enter"/>'s lock: <c>lock (o)</c> for a monitor,
        /// <c>using (l.EnterScope())</c> for a <c>System.Threading.Lock</c>, <c>using (x.Lock())</c> (the LockOrder type's
        /// scope method of the enter's mode); <see langword="null"/> for locks that have none.
        /// </summary>
        private static System.Func<BlockSyntax, StatementSyntax>? ScopeHeader(SemanticModel model, LockOperation enter, ExpressionSyntax lockObject, CancellationToken cancellationToken)
        {
            var target = lockObject.WithoutTrivia();
            switch (enter.Primitive)
            {
                case LockPrimitive.Monitor:
                    // lock on a System.Threading.Lock takes the Lock itself (C# 13), not the monitor Monitor.Enter took.
                    return BclLockTypes.Is(model.GetTypeInfo(lockObject, cancellationToken).Type, "Lock")
                        ? null
                        : block => SyntaxFactory.LockStatement(target, block);
                case LockPrimitive.Lock:
                    return block => SyntaxFactory.UsingStatement(null, ScopeCall(target, "EnterScope"), block);
                case LockPrimitive.LockOrder:
                    return ScopeMethod(enter) is { } scopeMethod ? block => SyntaxFactory.UsingStatement(null, ScopeCall(target, scopeMethod.Name), block) : null;
                default:
                    return null;
            }
        }

        private static InvocationExpressionSyntax ScopeCall(ExpressionSyntax target, string method) =>
            SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, target, SyntaxFactory.IdentifierName(method)));

        /// <summary>The receiver's method that takes the lock in the same mode and returns a scope (<c>Lock</c>, <c>Read</c>, <c>Write</c>).</summary>
        private static IMethodSymbol? ScopeMethod(LockOperation enter)
        {
            var reader = new AnnotationReader();
            for (var type = enter.LockClass.LockType as INamedTypeSymbol; type is not null; type = type.BaseType)
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

        /// <summary><paramref name="statement"/> with <paramref name="trivia"/> (which ends in the line's indentation) above its own comments.</summary>
        private static StatementSyntax WithLeadingTriviaBefore(StatementSyntax statement, SyntaxTriviaList trivia) =>
            statement.WithLeadingTrivia(trivia.Concat(statement.GetLeadingTrivia().SkipWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia))));

        private static ExpressionSyntax Unparenthesized(ExpressionSyntax expression) =>
            expression is ParenthesizedExpressionSyntax parenthesized ? Unparenthesized(parenthesized.Expression) : expression;

        private static bool IsComment(SyntaxTrivia trivia) =>
            trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia);
    }
}

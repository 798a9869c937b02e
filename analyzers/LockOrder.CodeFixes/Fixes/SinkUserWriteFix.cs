using System.Collections.Generic;
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
    /// LOCK002/LOCK003: a copy to user memory — or any call to a <c>[MightFault]</c> method, such as a helper that
    /// reports a result — made in a locked region can fault while the lock is held. Moving the call below the release
    /// (the kernel's "copy results out after") removes the deadlock; the called method's body then runs unlocked,
    /// which is the point. The values it is called with are computed under the lock, so every input that another
    /// thread could change once the lock is released (members, locals going out of scope, captured locals, the
    /// receiver when it is one of those) is first captured in a local where the call was; the call then runs on those
    /// values. The call may sit before the end of the region only when the code after it can run first without a
    /// different outcome (see <see cref="CanRunAfter"/>). Declined when the call's result is used, when an input is
    /// passed by reference or assigns, when the copied buffer itself is shared state (its contents could change after
    /// the release), or when the call is anything but a direct <c>[MightFault]</c> method.
    /// </summary>
    internal sealed class SinkUserWriteFix : LockFix
    {
        internal const string Title = "Copy to user memory after releasing the lock";

        internal override string EquivalenceKey => "LockOrder.CopyToUserAfterRelease";

        internal override string GenericTitle => Title;

        internal override async Task<FixResult?> TryFixAsync(Document document, SyntaxNode diagnosed, SyntaxNode? held, CancellationToken cancellationToken)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (model is null || root is null
                || diagnosed is not InvocationExpressionSyntax invocation
                || invocation.Parent is not ExpressionStatementSyntax statement
                || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method
                || !new LockOrder.Analyzers.Model.AnnotationReader().Get(method).MightFault
                || LockedRegion.Find(model, held, statement, cancellationToken) is not { } region)
            {
                return null;
            }

            var moved = CodeEffects.Of(model, statement, cancellationToken);
            if (moved.HasUnknownCalls || moved.HasLockOperations)
            {
                return null;
            }

            // The call moves below the release, over the rest of the region: to the end of the scope's block, or over
            // the statements between it and the exit.
            var slot = region.StatementSlot;
            int last = slot.Siblings.Count - 1;
            StatementSyntax? exit = null;
            if (region.Scope is null)
            {
                if (region.AcquisitionSlot.Statement is not ExpressionStatementSyntax || ExitIndex(model, region, cancellationToken) is not { } exitIndex)
                {
                    return null;
                }

                exit = slot.StatementAt(exitIndex);
                last = exitIndex - 1;
                if (CodeEffects.Conflict(moved, CodeEffects.Of(model, exit, cancellationToken)))
                {
                    return null;
                }
            }

            if (last > slot.Index && !CanRunAfter(model, method, moved, slot, slot.Index + 1, last, cancellationToken))
            {
                return null;
            }

            var inputs = new List<(ExpressionSyntax Expression, string Name, bool IsReceiver)>();
            if (invocation.Expression is MemberAccessExpressionSyntax member
                && model.GetSymbolInfo(member.Expression, cancellationToken).Symbol is not (ITypeSymbol or INamespaceSymbol))
            {
                inputs.Add((member.Expression, "target", true));
            }

            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                if (!argument.RefKindKeyword.IsKind(SyntaxKind.None))
                {
                    return null;
                }

                var parameter = model.GetOperation(argument, cancellationToken) is Microsoft.CodeAnalysis.Operations.IArgumentOperation { Parameter: { } p } ? p.Name : "value";
                inputs.Add((argument.Expression, parameter, false));
            }

            // Captured inputs are evaluated where the call was and the others at its new place: an input that assigns
            // would see (or make) a different order of evaluation.
            if (inputs.Any(input => input.Expression.DescendantNodesAndSelf().Any(HasSideEffect)))
            {
                return null;
            }

            var scopeVariables = region.Scope is null ? new HashSet<ISymbol>(SymbolEqualityComparer.Default) : DeclaredInBlock(model, region.ScopeBlock!, cancellationToken);
            var captures = new List<(ExpressionSyntax Expression, string Name, ITypeSymbol Type)>();
            // Names already used anywhere in the member (all top-level statements, in a program) are avoided, so that a
            // capture never shadows or collides.
            var enclosingMember = statement.Ancestors().FirstOrDefault(n => n is MemberDeclarationSyntax and not GlobalStatementSyntax && n.Parent is TypeDeclarationSyntax)
                ?? statement.Ancestors().Last();
            var usedNames = new HashSet<string>(enclosingMember.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText));
            foreach (var (expression, parameterName, isReceiver) in inputs)
            {
                var stability = Classify(model, expression, scopeVariables, cancellationToken);
                if (stability == InputStability.Unsafe)
                {
                    return null;
                }

                if (stability == InputStability.NeedsCapture)
                {
                    if (model.GetTypeInfo(expression, cancellationToken).Type is not { } type || type.IsAnonymousType || type.TypeKind == TypeKind.Error)
                    {
                        return null;
                    }

                    // A method called on a copy of a struct would change the copy, not the struct it was called on.
                    if (isReceiver && !type.IsReferenceType)
                    {
                        return null;
                    }

                    captures.Add((expression, UniqueName(model, region.AcquisitionSlot.Statement.SpanStart, parameterName, usedNames), type));
                }
            }

            var newCall = invocation.ReplaceNodes(captures.Select(c => c.Expression), (original, _) => SyntaxFactory.IdentifierName(captures.First(c => c.Expression == original).Name).WithTriviaFrom(original));
            var sunk = statement.WithExpression(newCall).WithAdditionalAnnotations(Formatter.Annotation);

            SyntaxNode newRoot;
            if (region.Scope is { } scope)
            {
                // T name;  using (...) { …; name = expression; }  target.Copy(name);   (or lock (...) { … })
                var declarations = captures.Select(c => (StatementSyntax)SyntaxFactory.LocalDeclarationStatement(
                        SyntaxFactory.VariableDeclaration(
                            SyntaxFactory.ParseTypeName(c.Type.ToMinimalDisplayString(model, scope.SpanStart)),
                            SyntaxFactory.SingletonSeparatedList(SyntaxFactory.VariableDeclarator(c.Name))))
                    .WithTrailingTrivia(EndOfLine(statement))
                    .WithAdditionalAnnotations(Formatter.Annotation));
                var assignments = captures.Select(c => (StatementSyntax)SyntaxFactory.ExpressionStatement(
                        SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(c.Name), c.Expression.WithoutTrivia()))
                    .WithAdditionalAnnotations(Formatter.Annotation));
                var block = region.ScopeBlock!;
                var statements = block.Statements.RemoveAt(slot.Index).InsertRange(slot.Index, assignments);
                var newScope = region.WithScopeBlock(block.WithStatements(statements));
                var scopeSlot = region.AcquisitionSlot;
                // The call now follows the scope's closing brace: a blank line sets it apart.
                var replacement = declarations.Concat(new StatementSyntax[] { newScope, sunk.WithLeadingTrivia(SyntaxFactory.TriviaList(EndOfLine(statement)).AddRange(statement.GetLeadingTrivia())) });
                newRoot = root.ReplaceNode(scopeSlot.Container, scopeSlot.WithRangeReplaced(scopeSlot.Index, scopeSlot.Index, replacement));
            }
            else
            {
                // var name = expression;  x.Exit();  target.Copy(name);
                var locals = captures.Select(c => (StatementSyntax)SyntaxFactory.LocalDeclarationStatement(
                        SyntaxFactory.VariableDeclaration(
                            SyntaxFactory.IdentifierName("var"),
                            SyntaxFactory.SingletonSeparatedList(SyntaxFactory.VariableDeclarator(c.Name).WithInitializer(SyntaxFactory.EqualsValueClause(c.Expression.WithoutTrivia())))))
                    .WithTrailingTrivia(EndOfLine(statement))
                    .WithAdditionalAnnotations(Formatter.Annotation));
                var jumpedOver = Enumerable.Range(slot.Index + 1, last - slot.Index).Select(slot.StatementAt);
                var replacement = locals.Concat(jumpedOver).Concat(new[] { exit!, sunk });
                newRoot = root.ReplaceNode(slot.Container, slot.WithRangeReplaced(slot.Index, last + 1, replacement));
            }

            return new FixResult(document.WithSyntaxRoot(newRoot), Title);
        }

        /// <summary>
        /// The index of the exit that ends a statement-list region: the first release after the call, when it releases
        /// the held lock in its mode.
        /// </summary>
        private static int? ExitIndex(SemanticModel model, LockedRegion region, CancellationToken cancellationToken)
        {
            var slot = region.StatementSlot;
            for (int i = slot.Index + 1; i < slot.Siblings.Count; i++)
            {
                if (slot.StatementAt(i) is ExpressionStatementSyntax candidate
                    && LockOperationReader.Read(model, candidate.Expression, cancellationToken) is { Kind: LockOperationKind.Release } release)
                {
                    return release.Mode == region.Acquisition.Mode && LockOperationReader.SameLock(release, region.Acquisition) ? i : null;
                }
            }

            return null;
        }

        /// <summary>
        /// Whether the call can run after the statements <paramref name="first"/>..<paramref name="last"/> of the region
        /// instead of before them. They must call nothing — a call (a log line, a signal, another helper, a disposal)
        /// may observe which ran first — take no lock, and always run to their end (the call would otherwise be
        /// skipped); and they must neither touch what the call reads or writes through its inputs nor, when the
        /// compilation has the called method's body, what that body reads or writes.
        /// </summary>
        private static bool CanRunAfter(SemanticModel model, IMethodSymbol method, CodeEffects moved, StatementSlot slot, int first, int last, CancellationToken cancellationToken)
        {
            for (int i = first; i <= last; i++)
            {
                if (slot.StatementAt(i).DescendantNodesAndSelf().Any(node => node is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax
                    or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or LockStatementSyntax or UsingStatementSyntax
                    or AwaitExpressionSyntax or YieldStatementSyntax or ThrowStatementSyntax or ThrowExpressionSyntax
                    or LocalDeclarationStatementSyntax { UsingKeyword.RawKind: not 0 }))
                {
                    return false;
                }
            }

            var control = CodeEffects.Analyze(() => model.AnalyzeControlFlow(slot.StatementAt(first), slot.StatementAt(last)));
            if (control is not { Succeeded: true, EndPointIsReachable: true } || control.EntryPoints.Any() || control.ExitPoints.Any() || control.ReturnStatements.Any())
            {
                return false;
            }

            var jumpedOver = CodeEffects.OfStatements(model, slot, first, last, cancellationToken);
            var call = CodeEffects.Union(moved, CodeEffects.OfBody(model.Compilation, method, cancellationToken));
            return !jumpedOver.HasLockOperations && !CodeEffects.Conflict(call, jumpedOver);
        }

        private static bool HasSideEffect(SyntaxNode node) =>
            node is AssignmentExpressionSyntax or AwaitExpressionSyntax
            || node.IsKind(SyntaxKind.PreIncrementExpression) || node.IsKind(SyntaxKind.PreDecrementExpression)
            || node.IsKind(SyntaxKind.PostIncrementExpression) || node.IsKind(SyntaxKind.PostDecrementExpression);

        // A new statement ends its line in the file's own line ending. Without one, the formatter sees the statement as
        // a new member among a program's top-level statements and sets it apart with a blank line.
        private static SyntaxTrivia EndOfLine(StatementSyntax statement) =>
            statement.GetTrailingTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is var endOfLine && endOfLine.IsKind(SyntaxKind.EndOfLineTrivia)
                ? endOfLine
                : SyntaxFactory.EndOfLine("\n");

        private enum InputStability
        {
            /// <summary>Only this thread can change it (a local or parameter still in scope after the release).</summary>
            Stable,

            /// <summary>Its value must be taken while the lock is still held.</summary>
            NeedsCapture,

            /// <summary>The buffer it names is shared: even a captured reference would see other threads' writes.</summary>
            Unsafe,
        }

        private static InputStability Classify(SemanticModel model, ExpressionSyntax expression, HashSet<ISymbol> scopeVariables, CancellationToken cancellationToken)
        {
            var flow = CodeEffects.Analyze(() => model.AnalyzeDataFlow(expression));
            if (flow is null || !flow.Succeeded)
            {
                return InputStability.Unsafe;
            }

            var type = model.GetTypeInfo(expression, cancellationToken).Type;
            bool isBuffer = type is IArrayTypeSymbol || (type is INamedTypeSymbol { IsGenericType: true } named
                && named.ContainingNamespace?.ToDisplayString() == "System"
                && named.Name is "Span" or "ReadOnlySpan" or "Memory" or "ReadOnlyMemory" or "ArraySegment");

            bool readsShared = expression.DescendantNodesAndSelf().OfType<ExpressionSyntax>()
                .Any(node => model.GetSymbolInfo(node, cancellationToken).Symbol is IFieldSymbol { IsConst: false } or IPropertySymbol);
            var captured = flow.ReadInside.Intersect(flow.Captured, SymbolEqualityComparer.Default).Any();

            // Capturing a span or array captures where the memory is, not what it holds: the memory itself must be
            // owned by this method (a fresh local array) or handed in by the caller.
            if (isBuffer && (captured || !OwnsMemory(model, expression, cancellationToken)))
            {
                return InputStability.Unsafe;
            }

            bool outOfScope = flow.ReadInside.Any(scopeVariables.Contains);
            bool onlyLiterals = expression is LiteralExpressionSyntax;
            if (onlyLiterals || (!readsShared && !captured && !outOfScope && !expression.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any() && !expression.DescendantNodesAndSelf().OfType<ElementAccessExpressionSyntax>().Any()))
            {
                return InputStability.Stable;
            }

            return InputStability.NeedsCapture;
        }

        /// <summary>Whether the memory a buffer expression refers to is a fresh local array or a parameter's.</summary>
        private static bool OwnsMemory(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    return OwnsMemory(model, parenthesized.Expression, cancellationToken);
                case CastExpressionSyntax cast:
                    return OwnsMemory(model, cast.Expression, cancellationToken);
                case ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax:
                    return true;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AsSpan" or "AsMemory" or "Slice" } member }:
                    return OwnsMemory(model, member.Expression, cancellationToken);
                case ElementAccessExpressionSyntax { ArgumentList.Arguments.Count: 1 } range when range.ArgumentList.Arguments[0].Expression is RangeExpressionSyntax:
                    return OwnsMemory(model, range.Expression, cancellationToken);
                case IdentifierNameSyntax identifier:
                    return model.GetSymbolInfo(identifier, cancellationToken).Symbol switch
                    {
                        IParameterSymbol { RefKind: RefKind.None } => true,
                        ILocalSymbol local => IsFreshBuffer(model, local, cancellationToken),
                        _ => false,
                    };
                default:
                    return false;
            }
        }

        // A local whose only assignment is its initializer creating a new array owns memory no other thread can see.
        private static bool IsFreshBuffer(SemanticModel model, ILocalSymbol local, CancellationToken cancellationToken)
        {
            if (local.IsRef
                || local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax declarator
                || declarator.Initializer?.Value is not (ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax))
            {
                return false;
            }

            var body = declarator.FirstAncestorOrSelf<SyntaxNode>(n => n is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax or AnonymousFunctionExpressionSyntax or CompilationUnitSyntax);
            return body is not null && !body.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(a =>
                SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(a.Left, cancellationToken).Symbol, local));
        }

        private static HashSet<ISymbol> DeclaredInBlock(SemanticModel model, BlockSyntax block, CancellationToken cancellationToken)
        {
            var declared = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            if (block.Statements.Count > 0)
            {
                var flow = CodeEffects.Analyze(() => model.AnalyzeDataFlow(block.Statements.First(), block.Statements.Last()));
                if (flow is { Succeeded: true })
                {
                    declared.UnionWith(flow.VariablesDeclared);
                }
            }

            return declared;
        }

        private static string UniqueName(SemanticModel model, int position, string name, HashSet<string> used)
        {
            string candidate = name;
            for (int i = 2; used.Contains(candidate) || model.LookupSymbols(position, name: candidate).Any(); i++)
            {
                candidate = name + i;
            }

            used.Add(candidate);
            return candidate;
        }
    }
}

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
    /// LOCK002/LOCK003: a copy to user memory at the end of a locked region can fault while the lock is held. Moving
    /// it below the release — the kernel's "copy results out after" — removes the deadlock. The values it copies are
    /// computed under the lock, so every input that another thread could change once the lock is released (members,
    /// locals going out of scope, captured locals) is first captured in a local while the lock is still held; the copy
    /// then runs on those values. Declined when the copied buffer itself is shared state (its contents could change
    /// after the release), or when the call is anything but a direct <c>[MightFault]</c> method (its body would
    /// run unlocked).
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

            // The copy must be the last thing the region does: the end of the scope's block, or right before the exit.
            var slot = region.StatementSlot;
            StatementSyntax? exit = null;
            if (region.Scope is null)
            {
                if (slot.IsLast || region.AcquisitionSlot.Statement is not ExpressionStatementSyntax
                    || slot.StatementAt(slot.Index + 1) is not ExpressionStatementSyntax candidate
                    || LockOperationReader.Read(model, candidate.Expression, cancellationToken) is not { Kind: LockOperationKind.Release } release
                    || release.Mode != region.Acquisition.Mode
                    || !LockOperationReader.SameLock(release, region.Acquisition))
                {
                    return null;
                }

                exit = candidate;
                if (CodeEffects.Conflict(moved, CodeEffects.Of(model, exit, cancellationToken)))
                {
                    return null;
                }
            }
            else if (!slot.IsLast)
            {
                return null;
            }

            var inputs = new List<(ExpressionSyntax Expression, string Name)>();
            if (invocation.Expression is MemberAccessExpressionSyntax member)
            {
                inputs.Add((member.Expression, "target"));
            }

            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                if (!argument.RefKindKeyword.IsKind(SyntaxKind.None))
                {
                    return null;
                }

                var parameter = model.GetOperation(argument, cancellationToken) is Microsoft.CodeAnalysis.Operations.IArgumentOperation { Parameter: { } p } ? p.Name : "value";
                inputs.Add((argument.Expression, parameter));
            }

            var scopeVariables = region.Scope is null ? new HashSet<ISymbol>(SymbolEqualityComparer.Default) : DeclaredInBlock(model, (BlockSyntax)region.Scope.Statement, cancellationToken);
            var captures = new List<(ExpressionSyntax Expression, string Name, ITypeSymbol Type)>();
            // Names already used anywhere in the member are avoided, so that a capture never shadows or collides.
            var usedNames = new HashSet<string>(statement.Ancestors().Last(n => n is MemberDeclarationSyntax or CompilationUnitSyntax).DescendantTokens()
                .Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText));
            foreach (var (expression, parameterName) in inputs)
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

                    captures.Add((expression, UniqueName(model, region.AcquisitionSlot.Statement.SpanStart, parameterName, usedNames), type));
                }
            }

            var newCall = invocation.ReplaceNodes(captures.Select(c => c.Expression), (original, _) => SyntaxFactory.IdentifierName(captures.First(c => c.Expression == original).Name).WithTriviaFrom(original));
            var sunk = statement.WithExpression(newCall).WithAdditionalAnnotations(Formatter.Annotation);

            SyntaxNode newRoot;
            if (region.Scope is { } scope)
            {
                // T name;  using (...) { …; name = expression; }  target.Copy(name);
                var declarations = captures.Select(c => (StatementSyntax)SyntaxFactory.LocalDeclarationStatement(
                        SyntaxFactory.VariableDeclaration(
                            SyntaxFactory.ParseTypeName(c.Type.ToMinimalDisplayString(model, scope.SpanStart)),
                            SyntaxFactory.SingletonSeparatedList(SyntaxFactory.VariableDeclarator(c.Name))))
                    .WithAdditionalAnnotations(Formatter.Annotation));
                var assignments = captures.Select(c => (StatementSyntax)SyntaxFactory.ExpressionStatement(
                        SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(c.Name), c.Expression.WithoutTrivia()))
                    .WithAdditionalAnnotations(Formatter.Annotation));
                var block = (BlockSyntax)scope.Statement;
                var statements = block.Statements.RemoveAt(slot.Index).AddRange(assignments);
                var newScope = scope.WithStatement(block.WithStatements(statements));
                var scopeSlot = region.AcquisitionSlot;
                var replacement = declarations.Concat(new StatementSyntax[] { newScope, sunk.WithLeadingTrivia(SyntaxFactory.TriviaList(BlankLine(statement)).AddRange(statement.GetLeadingTrivia())) });
                newRoot = root.ReplaceNode(scopeSlot.Container, scopeSlot.WithRangeReplaced(scopeSlot.Index, scopeSlot.Index, replacement));
            }
            else
            {
                // var name = expression;  x.Exit();  target.Copy(name);
                var locals = captures.Select(c => (StatementSyntax)SyntaxFactory.LocalDeclarationStatement(
                        SyntaxFactory.VariableDeclaration(
                            SyntaxFactory.IdentifierName("var"),
                            SyntaxFactory.SingletonSeparatedList(SyntaxFactory.VariableDeclarator(c.Name).WithInitializer(SyntaxFactory.EqualsValueClause(c.Expression.WithoutTrivia())))))
                    .WithAdditionalAnnotations(Formatter.Annotation));
                var replacement = locals.Concat(new[] { exit!, sunk });
                newRoot = root.ReplaceNode(slot.Container, slot.WithRangeReplaced(slot.Index, slot.Index + 1, replacement));
            }

            return new FixResult(document.WithSyntaxRoot(newRoot), Title);
        }

        // The copy now follows the scope's closing brace: a blank line sets it apart, in the file's own line ending.
        private static SyntaxTrivia BlankLine(StatementSyntax statement) =>
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

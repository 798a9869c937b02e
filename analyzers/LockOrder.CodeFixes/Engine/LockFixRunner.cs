using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace LockOrder.CodeFixes.Engine
{
    /// <summary>
    /// Runs a <see cref="LockFix"/> for a diagnostic and keeps its result only when the changed member still compiles
    /// without any new compiler error or warning: a fix that would not compile is never offered.
    /// </summary>
    internal static class LockFixRunner
    {
        internal static async Task RegisterAsync(CodeFixContext context, LockFix fix)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                var diagnosed = FindLockNode(root, diagnostic.Location);
                if (diagnosed is null)
                {
                    continue;
                }

                var held = diagnostic.AdditionalLocations.Count > 0 ? FindLockNode(root, diagnostic.AdditionalLocations[0]) : null;
                var result = await TryApplyAsync(fix, context.Document, diagnosed, held, context.CancellationToken).ConfigureAwait(false);
                if (result is not null)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(result.Title, _ => Task.FromResult(result.Document), fix.EquivalenceKey),
                        diagnostic);
                }
            }
        }

        /// <summary>
        /// The node a diagnostic location points at, when the location is in <paramref name="root"/>'s tree: the
        /// expression a <c>lock</c> statement locks (the analyzer points there for a <c>lock</c>), else the invocation.
        /// </summary>
        internal static SyntaxNode? FindLockNode(SyntaxNode root, Location location)
        {
            if (!location.IsInSource || location.SourceTree != root.SyntaxTree || !root.FullSpan.Contains(location.SourceSpan))
            {
                return null;
            }

            return LockNodeAt(root.FindNode(location.SourceSpan, getInnermostNodeForTie: true));
        }

        private static SyntaxNode? LockNodeAt(SyntaxNode node)
        {
            // Checked before the invocation around it: "lock (GetLock())" locks what the call returns, and a lock statement
            // in a lambda passed to a call is not that call.
            for (var current = node; current is not null && current.Span == node.Span; current = current.Parent)
            {
                if (current is ExpressionSyntax expression && current.Parent is LockStatementSyntax statement && statement.Expression == expression)
                {
                    return expression;
                }
            }

            return node.FirstAncestorOrSelf<InvocationExpressionSyntax>();
        }

        /// <summary>Applies <paramref name="fix"/> and checks that the result compiles as well as the original did.</summary>
        internal static async Task<FixResult?> TryApplyAsync(LockFix fix, Document document, SyntaxNode diagnosed, SyntaxNode? held, CancellationToken cancellationToken)
        {
            var member = EnclosingMember(diagnosed);
            var marker = new SyntaxAnnotation("LockOrder.ChangedMember");
            var root = diagnosed.SyntaxTree.GetRoot(cancellationToken);
            var markedDocument = document.WithSyntaxRoot(root.ReplaceNode(member, member.WithAdditionalAnnotations(marker)));
            var markedRoot = await markedDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (markedRoot is null)
            {
                return null;
            }

            // Annotating does not move text: the nodes are found again at the same spans.
            var markedDiagnosed = LockNodeAt(markedRoot.FindNode(diagnosed.Span, getInnermostNodeForTie: true));
            var markedHeld = held is null ? null : LockNodeAt(markedRoot.FindNode(held.Span, getInnermostNodeForTie: true));
            if (markedDiagnosed is null)
            {
                return null;
            }

            var result = await fix.TryFixAsync(markedDocument, markedDiagnosed, markedHeld, cancellationToken).ConfigureAwait(false);
            if (result is null)
            {
                return null;
            }

            var formatted = await Formatter.FormatAsync(result.Document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            var before = await CompilerProblemsAsync(markedDocument, marker, cancellationToken).ConfigureAwait(false);
            var after = await CompilerProblemsAsync(formatted, marker, cancellationToken).ConfigureAwait(false);
            foreach (var problem in after)
            {
                if (!before.Remove(problem))
                {
                    return null;
                }
            }

            return new FixResult(formatted, result.Title);
        }

        // Fixes only ever change the body of one member (or the top-level statements).
        private static SyntaxNode EnclosingMember(SyntaxNode node) =>
            node.AncestorsAndSelf().FirstOrDefault(n => n is MemberDeclarationSyntax && n is not GlobalStatementSyntax && n.Parent is TypeDeclarationSyntax)
            ?? node.AncestorsAndSelf().First(n => n is CompilationUnitSyntax);

        private static async Task<List<string>> CompilerProblemsAsync(Document document, SyntaxAnnotation marker, CancellationToken cancellationToken)
        {
            var problems = new List<string>();
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var member = root?.GetAnnotatedNodes(marker).FirstOrDefault();
            if (member is null || model is null)
            {
                return problems;
            }

            foreach (var diagnostic in model.GetDiagnostics(member.FullSpan, cancellationToken))
            {
                if (diagnostic.Severity >= DiagnosticSeverity.Warning)
                {
                    problems.Add(diagnostic.Id);
                }
            }

            return problems;
        }
    }
}

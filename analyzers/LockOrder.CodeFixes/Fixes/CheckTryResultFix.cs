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
    /// LOCK010: code after an unchecked try-acquisition runs whether or not the lock was taken, and its release
    /// throws when it was not. Wrapping that code — up to and including the matching release, or to the end of the
    /// statement list — in <c>if (x.TryEnter()) { … }</c> runs it only with the lock held, which is what it was
    /// written to assume. Declined when nothing follows the try-acquisition.
    /// </summary>
    internal sealed class CheckTryResultFix : LockFix
    {
        internal const string Title = "Check the result";

        internal override string EquivalenceKey => "LockOrder.CheckTryResult";

        internal override string GenericTitle => Title;

        internal override async Task<FixResult?> TryFixAsync(Document document, SyntaxNode diagnosed, SyntaxNode? held, CancellationToken cancellationToken)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (model is null || root is null || LockOperationReader.Read(model, diagnosed, cancellationToken) is not { Kind: LockOperationKind.TryAcquire } operation
                || IgnoredResultStatement(operation.Invocation) is not { } statement
                || StatementSlot.Of(statement) is not { } slot
                || slot.IsLast)
            {
                return null;
            }

            int last = slot.Siblings.Count - 1;
            for (int i = slot.Index + 1; i < slot.Siblings.Count; i++)
            {
                if (slot.StatementAt(i) is ExpressionStatementSyntax candidate
                    && LockOperationReader.Read(model, candidate.Expression, cancellationToken) is { Kind: LockOperationKind.Release } release
                    && release.Mode == operation.Mode
                    && (LockOperationReader.SameLock(release, operation) || (operation.Receiver is null && release.Receiver is null && SymbolEqualityComparer.Default.Equals(release.LockClass, operation.LockClass))))
                {
                    last = i;
                    break;
                }
            }

            var guarded = Enumerable.Range(slot.Index + 1, last - slot.Index).Select(slot.StatementAt).ToList();
            var ifStatement = SyntaxFactory.IfStatement(operation.Invocation.WithoutTrivia(), SyntaxFactory.Block(guarded))
                .WithLeadingTrivia(statement.GetLeadingTrivia())
                .WithTrailingTrivia(statement.GetTrailingTrivia())
                .WithAdditionalAnnotations(Formatter.Annotation);

            var newContainer = slot.WithRangeReplaced(slot.Index, last, new[] { ifStatement });
            return new FixResult(document.WithSyntaxRoot(root.ReplaceNode(slot.Container, newContainer)), Title);
        }

        /// <summary><c>x.TryEnter();</c> or <c>_ = x.TryEnter();</c></summary>
        private static StatementSyntax? IgnoredResultStatement(InvocationExpressionSyntax invocation) =>
            invocation.Parent switch
            {
                ExpressionStatementSyntax statement => statement,
                AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" }, Parent: ExpressionStatementSyntax statement } assignment
                    when assignment.Right == invocation => statement,
                _ => null,
            };
    }
}

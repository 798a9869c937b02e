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
    /// throws (or, for a <c>SemaphoreSlim</c>, lets another flow in) when it was not. Wrapping that code — up to and
    /// including the matching release (a release statement, or a <c>try</c> whose <c>finally</c> releases), or to the
    /// end of the statement list — in <c>if (x.TryEnter()) { … }</c> runs it only with the lock held, which is what it
    /// was written to assume. The same for LockOrder's <c>[TryAcquires]</c> methods and the BCL's timed acquisitions
    /// (<c>Monitor.TryEnter(o, timeout)</c>, <c>Lock.TryEnter()</c>, <c>SemaphoreSlim.Wait(timeout)</c>,
    /// <c>TryEnterReadLock(timeout)</c>, <c>Mutex.WaitOne(timeout)</c>), and for an awaited <c>WaitAsync(timeout)</c>,
    /// whose awaited result is the condition. Declined when nothing follows the try-acquisition, and when a using
    /// declaration among the wrapped statements would be disposed before the statements after them.
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
            if (model is null || root is null || LockOperationReader.Read(model, diagnosed, cancellationToken) is not { Kind: LockOperationKind.TryAcquire, Invocation: { } invocation } operation
                || IgnoredResult(invocation) is not var (statement, condition)
                || StatementSlot.Of(statement) is not { } slot
                || slot.IsLast)
            {
                return null;
            }

            int last = slot.Siblings.Count - 1;
            for (int i = slot.Index + 1; i < slot.Siblings.Count; i++)
            {
                if (Releases(model, slot.StatementAt(i), operation, cancellationToken))
                {
                    last = i;
                    break;
                }
            }

            var guarded = Enumerable.Range(slot.Index + 1, last - slot.Index).Select(slot.StatementAt).ToList();
            if (last < slot.Siblings.Count - 1 && guarded.Any(g => g is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: not 0 }))
            {
                // A using declaration would be disposed at the end of the if, before the statements that follow it.
                return null;
            }

            var ifStatement = SyntaxFactory.IfStatement(condition.WithoutTrivia(), SyntaxFactory.Block(guarded))
                .WithLeadingTrivia(statement.GetLeadingTrivia())
                .WithTrailingTrivia(statement.GetTrailingTrivia())
                .WithAdditionalAnnotations(Formatter.Annotation);

            var newContainer = slot.WithRangeReplaced(slot.Index, last, new[] { ifStatement });
            return new FixResult(document.WithSyntaxRoot(root.ReplaceNode(slot.Container, newContainer)), Title);
        }

        /// <summary>
        /// The statement that drops the result of <paramref name="invocation"/>, and the expression whose value is that
        /// result: <c>x.TryEnter();</c>, <c>_ = x.TryEnter();</c>, <c>await s.WaitAsync(t);</c>,
        /// <c>await s.WaitAsync(t).ConfigureAwait(false);</c> (the condition is then the <c>await</c>).
        /// </summary>
        private static (StatementSyntax Statement, ExpressionSyntax Condition)? IgnoredResult(InvocationExpressionSyntax invocation)
        {
            var result = LockOperationReader.ResultOf(invocation);
            return result.Parent switch
            {
                ExpressionStatementSyntax statement => (statement, result),
                AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" }, Parent: ExpressionStatementSyntax statement } assignment
                    when assignment.Right == result => (statement, result),
                _ => null,
            };
        }

        /// <summary>
        /// Whether <paramref name="statement"/> ends the code that assumes the lock: it is the release of the lock taken
        /// by <paramref name="acquisition"/>, in its mode, or a <c>try</c> whose <c>finally</c> releases it.
        /// </summary>
        private static bool Releases(SemanticModel model, StatementSyntax statement, LockOperation acquisition, CancellationToken cancellationToken)
        {
            var code = statement switch
            {
                ExpressionStatementSyntax expression => (SyntaxNode)expression.Expression,
                TryStatementSyntax { Finally: { } @finally } => @finally.Block,
                _ => null,
            };
            return code is not null && LockOperationReader.OperationsIn(model, code, cancellationToken).Any(release =>
                release.Kind == LockOperationKind.Release
                && release.Mode == acquisition.Mode
                && (statement is TryStatementSyntax || release.Invocation == code)
                && (LockOperationReader.SameLock(release, acquisition)
                    || (acquisition.LockObject is null && release.LockObject is null && release.LockClass.Equals(acquisition.LockClass))));
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LockOrder.CodeFixes.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace LockOrder.CodeFixes.Fixes
{
    /// <summary>
    /// LOCK002/LOCK003: a copy from user memory under a lock ordered after MmapLock can fault, and the fault needs
    /// MmapLock and then this very lock. Moving the copy above the acquisition — the kernel's "copy in first" —
    /// removes the deadlock. It is offered only when the move cannot change a result: the copy must be a statement of
    /// the locked region itself (not nested in a branch or loop), must call nothing but <c>[MightFault]</c> and base
    /// library methods (its callee would otherwise run unlocked), and nothing it reads or writes may be written or
    /// read by the code between the acquisition and it (Roslyn data flow for locals; members and call arguments
    /// conservatively), which in turn must not leave early, touch user memory, call unknown code, or take locks.
    /// </summary>
    internal sealed class HoistUserReadFix : LockFix
    {
        internal const string Title = "Copy from user memory before taking the lock";

        internal override string EquivalenceKey => "LockOrder.CopyFromUserBeforeLock";

        internal override string GenericTitle => Title;

        internal override async Task<FixResult?> TryFixAsync(Document document, SyntaxNode diagnosed, SyntaxNode? held, CancellationToken cancellationToken)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (model is null || root is null || MovableStatement(diagnosed) is not { } statement
                || LockedRegion.Find(model, held, statement, cancellationToken) is not { } region)
            {
                return null;
            }

            var moved = CodeEffects.Of(model, statement, cancellationToken);
            if (moved.HasUnknownCalls || moved.HasLockOperations || !moved.TouchesUserMemory)
            {
                return null;
            }

            // The code the statement jumps over: the acquisition itself and every statement between it and the copy.
            var slot = region.StatementSlot;
            var acquisition = region.Scope is null ? (SyntaxNode)region.AcquisitionSlot.Statement : region.Acquisition.Expression;
            if (CodeEffects.Conflict(moved, CodeEffects.Of(model, acquisition, cancellationToken)))
            {
                return null;
            }

            if (slot.Index > region.RegionStart)
            {
                var first = slot.StatementAt(region.RegionStart);
                var last = slot.StatementAt(slot.Index - 1);
                var between = CodeEffects.OfStatements(model, slot, region.RegionStart, slot.Index - 1, cancellationToken);
                var control = CodeEffects.Analyze(() => model.AnalyzeControlFlow(first, last));
                if (between.HasLockOperations || CodeEffects.Conflict(moved, between)
                    || control is not { Succeeded: true, EndPointIsReachable: true } || control.ExitPoints.Any() || control.ReturnStatements.Any())
                {
                    return null;
                }
            }

            if (statement is LocalDeclarationStatementSyntax && !NamesStayUnambiguous(model, statement, region, cancellationToken))
            {
                return null;
            }

            var hoisted = statement.WithAdditionalAnnotations(Formatter.Annotation);
            SyntaxNode newRoot;
            if (region.ScopeBlock is { } block)
            {
                var newScope = region.WithScopeBlock(block.WithStatements(block.Statements.RemoveAt(slot.Index)));
                var scopeSlot = region.AcquisitionSlot;
                newRoot = root.ReplaceNode(scopeSlot.Container, scopeSlot.WithRangeReplaced(scopeSlot.Index, scopeSlot.Index, new[] { hoisted, newScope }));
            }
            else
            {
                var reordered = new List<StatementSyntax> { hoisted };
                reordered.AddRange(Enumerable.Range(region.AcquisitionSlot.Index, slot.Index - region.AcquisitionSlot.Index).Select(slot.StatementAt));
                newRoot = root.ReplaceNode(slot.Container, slot.WithRangeReplaced(region.AcquisitionSlot.Index, slot.Index, reordered));
            }

            return new FixResult(document.WithSyntaxRoot(newRoot), Title);
        }

        /// <summary>The statement that is the faulting call: <c>user.CopyFromUser(data);</c> or <c>var n = ReadFromUser(user);</c>.</summary>
        internal static StatementSyntax? MovableStatement(SyntaxNode diagnosed) =>
            diagnosed.Parent switch
            {
                ExpressionStatementSyntax statement => statement,
                EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax { UsingKeyword.RawKind: 0, IsConst: false } declaration } } } => declaration,
                _ => null,
            };

        // A variable moved out of a scope's block becomes visible to the statements after the scope: none of them
        // may already mean something else by that name (a field, say).
        private static bool NamesStayUnambiguous(SemanticModel model, StatementSyntax statement, LockedRegion region, CancellationToken cancellationToken)
        {
            if (region.Scope is null)
            {
                return true;
            }

            var names = ((LocalDeclarationStatementSyntax)statement).Declaration.Variables.Select(v => v.Identifier.ValueText).ToList();
            var scopeSlot = region.AcquisitionSlot;
            for (int i = scopeSlot.Index + 1; i < scopeSlot.Siblings.Count; i++)
            {
                if (scopeSlot.StatementAt(i).DescendantTokens().Any(t => names.Contains(t.ValueText)))
                {
                    return false;
                }
            }

            return true;
        }
    }
}

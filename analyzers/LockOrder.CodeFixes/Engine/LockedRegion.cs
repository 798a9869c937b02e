using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockOrder.CodeFixes.Engine
{
    /// <summary>
    /// Where a statement sits relative to the unconditional, blocking acquisition of the lock held around it: either
    /// in the block of a scope — <c>using (x.Write()) { … }</c>, <c>lock (o) { … }</c> — or after <c>x.EnterWrite();</c> /
    /// <c>Monitor.Enter(o);</c> / <c>using var s = x.Write();</c> in the same statement list.
    /// </summary>
    internal sealed class LockedRegion
    {
        private LockedRegion(LockOperation acquisition, StatementSlot acquisitionSlot, StatementSyntax? scope, StatementSlot statementSlot)
        {
            Acquisition = acquisition;
            AcquisitionSlot = acquisitionSlot;
            Scope = scope;
            StatementSlot = statementSlot;
        }

        internal LockOperation Acquisition { get; }

        /// <summary>The slot of the acquiring statement (the using or lock statement itself, for a scope).</summary>
        internal StatementSlot AcquisitionSlot { get; }

        /// <summary>
        /// The using statement whose resource is the acquisition, or the lock statement; <see langword="null"/> for a
        /// statement-list acquisition.
        /// </summary>
        internal StatementSyntax? Scope { get; }

        /// <summary>The block of <see cref="Scope"/>: the statement list the region is.</summary>
        internal BlockSyntax? ScopeBlock => (BlockSyntax?)(Scope switch
        {
            UsingStatementSyntax usingStatement => usingStatement.Statement,
            LockStatementSyntax lockStatement => lockStatement.Statement,
            _ => null,
        });

        /// <summary>The slot of the statement under the lock: in the scope's block, or a later sibling of the acquisition.</summary>
        internal StatementSlot StatementSlot { get; }

        /// <summary>Index of the first statement of the region in <see cref="StatementSlot"/>'s list.</summary>
        internal int RegionStart => Scope is null ? AcquisitionSlot.Index + 1 : 0;

        /// <summary><see cref="Scope"/> with <paramref name="block"/> in place of its block.</summary>
        internal StatementSyntax WithScopeBlock(BlockSyntax block) =>
            Scope is LockStatementSyntax lockStatement ? lockStatement.WithStatement(block) : ((UsingStatementSyntax)Scope!).WithStatement(block);

        internal static LockedRegion? Find(SemanticModel model, SyntaxNode? held, StatementSyntax statement, CancellationToken cancellationToken)
        {
            if (LockOperationReader.Read(model, held, cancellationToken) is not { Kind: LockOperationKind.Acquire } acquisition
                || StatementSlot.Of(statement) is not { } statementSlot)
            {
                return null;
            }

            var invocation = acquisition.Invocation;
            StatementSyntax? scope = (StatementSyntax?)acquisition.LockStatement ?? invocation?.Parent switch
            {
                UsingStatementSyntax { AwaitKeyword.RawKind: 0 } direct when direct.Expression == invocation => direct,
                EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: UsingStatementSyntax { AwaitKeyword.RawKind: 0 } declared } } } => declared,
                _ => null,
            };

            if (scope is not null)
            {
                var region = StatementSlot.Of(scope) is { } scopeSlot ? new LockedRegion(acquisition, scopeSlot, scope, statementSlot) : null;
                return region is not null && region.ScopeBlock == statementSlot.Container ? region : null;
            }

            StatementSyntax? acquiring = invocation?.Parent switch
            {
                ExpressionStatementSyntax expression => expression,
                EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax declaration } } }
                    when !declaration.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword) => declaration,
                _ => null,
            };

            return StatementSlot.Of(acquiring) is { } acquisitionSlot && acquisitionSlot.IsSiblingOf(statementSlot) && acquisitionSlot.Index < statementSlot.Index
                ? new LockedRegion(acquisition, acquisitionSlot, null, statementSlot)
                : null;
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockOrder.CodeFixes.Engine
{
    /// <summary>
    /// A statement seen as one entry of the statement list that contains it — a block, a switch section, or the
    /// top-level statements of a program — so that fixes can move statements among their siblings.
    /// </summary>
    internal sealed class StatementSlot
    {
        private StatementSlot(StatementSyntax statement, SyntaxNode node, IReadOnlyList<SyntaxNode> siblings, SyntaxNode container)
        {
            Statement = statement;
            Node = node;
            Siblings = siblings;
            Container = container;
            Index = IndexOf(siblings, node);
        }

        internal StatementSyntax Statement { get; }

        /// <summary>The node that occupies the list entry: the statement, or its <c>GlobalStatementSyntax</c>.</summary>
        internal SyntaxNode Node { get; }

        /// <summary>Every entry of the list, in order (for top-level programs, only the global statements).</summary>
        internal IReadOnlyList<SyntaxNode> Siblings { get; }

        /// <summary>The block, switch section or compilation unit that holds the list.</summary>
        internal SyntaxNode Container { get; }

        internal int Index { get; }

        internal bool IsLast => Index == Siblings.Count - 1;

        /// <summary>The slot of <paramref name="statement"/>, or <see langword="null"/> when it is an embedded statement (e.g. an if's body without braces).</summary>
        internal static StatementSlot? Of(StatementSyntax? statement)
        {
            switch (statement?.Parent)
            {
                case BlockSyntax block:
                    return new StatementSlot(statement, statement, block.Statements.ToList<SyntaxNode>(), block);
                case SwitchSectionSyntax section:
                    return new StatementSlot(statement, statement, section.Statements.ToList<SyntaxNode>(), section);
                case GlobalStatementSyntax global when global.Parent is CompilationUnitSyntax unit:
                    return new StatementSlot(statement, global, unit.Members.OfType<GlobalStatementSyntax>().ToList<SyntaxNode>(), unit);
                default:
                    return null;
            }
        }

        /// <summary>The statement of the list entry <paramref name="index"/>.</summary>
        internal StatementSyntax StatementAt(int index) => Siblings[index] is GlobalStatementSyntax global ? global.Statement : (StatementSyntax)Siblings[index];

        /// <summary>Whether <paramref name="other"/> lives in the same statement list.</summary>
        internal bool IsSiblingOf(StatementSlot other) => Container == other.Container;

        /// <summary>
        /// The container with list entries <paramref name="first"/>..<paramref name="last"/> (inclusive) replaced by
        /// <paramref name="replacements"/>; top-level statements are wrapped as global statements.
        /// </summary>
        internal SyntaxNode WithRangeReplaced(int first, int last, IEnumerable<StatementSyntax> replacements)
        {
            var replacementNodes = replacements.ToList();
            switch (Container)
            {
                case BlockSyntax block:
                    return block.WithStatements(Splice(block.Statements, first, last, replacementNodes));
                case SwitchSectionSyntax section:
                    return section.WithStatements(Splice(section.Statements, first, last, replacementNodes));
                default:
                    var unit = (CompilationUnitSyntax)Container;
                    int memberFirst = unit.Members.IndexOf((MemberDeclarationSyntax)Siblings[first]);
                    int memberLast = unit.Members.IndexOf((MemberDeclarationSyntax)Siblings[last]);
                    var members = unit.Members.ToList();
                    members.RemoveRange(memberFirst, memberLast - memberFirst + 1);
                    members.InsertRange(memberFirst, replacementNodes.Select(r => (MemberDeclarationSyntax)SyntaxFactory.GlobalStatement(r)));
                    return unit.WithMembers(SyntaxFactory.List(members));
            }
        }

        private static SyntaxList<StatementSyntax> Splice(SyntaxList<StatementSyntax> statements, int first, int last, List<StatementSyntax> replacements)
        {
            var list = statements.ToList();
            list.RemoveRange(first, last - first + 1);
            list.InsertRange(first, replacements);
            return SyntaxFactory.List(list);
        }

        private static int IndexOf(IReadOnlyList<SyntaxNode> siblings, SyntaxNode node)
        {
            for (int i = 0; i < siblings.Count; i++)
            {
                if (siblings[i] == node)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}

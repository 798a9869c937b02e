using LockOrder.CodeFixes.Engine;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockOrder.CodeFixes.Fixes
{
    /// <summary>
    /// An explicit enter and the exit that ends the code it guards, as <see cref="ReleaseWithScopeFix"/> finds them in
    /// one statement list: the exit is a later statement (<c>x.Exit();</c>, or <c>if (taken) Monitor.Exit(o);</c>), or
    /// the last statement of the <c>finally</c> of a later <c>try</c>; or the enter opens a <c>try</c> block whose
    /// <c>finally</c> is the exit (the <c>bool taken = false; try { Monitor.Enter(o, ref taken); … }</c> idiom).
    /// </summary>
    internal sealed class EnterExitPair
    {
        internal EnterExitPair(StatementSlot slot, int exitIndex, LockOperation enter, LockOperation exit, ExpressionSyntax? exitGuard, TryStatementSyntax? releasingTry, bool enterOpensTry)
        {
            Slot = slot;
            ExitIndex = exitIndex;
            Enter = enter;
            Exit = exit;
            ExitGuard = exitGuard;
            ReleasingTry = releasingTry;
            EnterOpensTry = enterOpensTry;
        }

        /// <summary>The list the scope will replace statements of; its slot is the enter statement's, or the <c>try</c>'s when the enter opens it.</summary>
        internal StatementSlot Slot { get; }

        /// <summary>The first statement the scope replaces: the enter, or the <c>try</c> it opens.</summary>
        internal int EnterIndex => Slot.Index;

        /// <summary>The last statement the scope replaces: the exit, or the <c>try</c> whose <c>finally</c> ends with it.</summary>
        internal int ExitIndex { get; }

        internal LockOperation Enter { get; }

        internal LockOperation Exit { get; }

        /// <summary>The condition of <c>if (taken) Monitor.Exit(o);</c>: the enter's success flag.</summary>
        internal ExpressionSyntax? ExitGuard { get; }

        /// <summary>The <c>try</c> whose <c>finally</c> ends with the exit, if the exit is there.</summary>
        internal TryStatementSyntax? ReleasingTry { get; }

        /// <summary>Whether the enter is the first statement of <see cref="ReleasingTry"/>'s block (then <see cref="EnterIndex"/> == <see cref="ExitIndex"/>).</summary>
        internal bool EnterOpensTry { get; }
    }
}

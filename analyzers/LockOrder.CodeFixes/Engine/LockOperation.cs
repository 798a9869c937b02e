using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockOrder.CodeFixes.Engine
{
    /// <summary>
    /// One piece of code that acquires or releases a lock, as the analyzer classifies it: a call whose LockOrder contract
    /// says so, a call of a BCL lock method (<c>Monitor.Enter</c>, <c>Lock.Exit</c>, <c>SemaphoreSlim.Wait</c>, …), or a
    /// <c>lock</c> statement.
    /// </summary>
    internal sealed class LockOperation
    {
        private LockOperation(
            InvocationExpressionSyntax? invocation,
            LockStatementSyntax? lockStatement,
            IMethodSymbol? method,
            LockOperationKind kind,
            LockMode mode,
            LockClass lockClass,
            ExpressionSyntax? lockObject,
            ExpressionSyntax? takenFlag,
            bool returnsScope)
        {
            Invocation = invocation;
            LockStatement = lockStatement;
            Method = method;
            Kind = kind;
            Mode = mode;
            LockClass = lockClass;
            LockObject = lockObject;
            TakenFlag = takenFlag;
            ReturnsScope = returnsScope;
        }

        /// <summary>The call, or <see langword="null"/> for a <c>lock</c> statement.</summary>
        internal InvocationExpressionSyntax? Invocation { get; }

        /// <summary>The <c>lock</c> statement, or <see langword="null"/> for a call.</summary>
        internal LockStatementSyntax? LockStatement { get; }

        /// <summary>What the analyzer's diagnostics point at: the call, or the expression a <c>lock</c> statement locks.</summary>
        internal ExpressionSyntax Expression => (ExpressionSyntax?)Invocation ?? LockStatement!.Expression;

        /// <summary>The called method, or <see langword="null"/> for a <c>lock</c> statement.</summary>
        internal IMethodSymbol? Method { get; }

        internal LockOperationKind Kind { get; }

        internal LockMode Mode { get; }

        /// <summary>The lock class, as the analyzer's messages name it (<see cref="LockClass.Display"/>).</summary>
        internal LockClass LockClass { get; }

        /// <summary>How the lock is taken here: LockOrder's own lock types, a monitor, a <c>System.Threading.Lock</c>, …</summary>
        internal LockPrimitive Primitive => LockClass.Primitive;

        /// <summary>
        /// The expression that is the lock object: <c>x</c> in <c>x.Enter()</c> (a contract on the receiver, or a BCL lock's
        /// own method), <c>o</c> in <c>Monitor.Enter(o)</c> and <c>lock (o)</c>; <see langword="null"/> for a contract that
        /// names a class or a member, or a call on an implicit <c>this</c>.
        /// </summary>
        internal ExpressionSyntax? LockObject { get; }

        /// <summary>The <c>ref bool</c> argument the call sets when it holds the lock (<c>Monitor.Enter(o, ref taken)</c>).</summary>
        internal ExpressionSyntax? TakenFlag { get; }

        /// <summary>Whether the call returns a scope whose disposal releases the lock (<c>x.Lock()</c>, <c>x.Write()</c>, <c>l.EnterScope()</c>).</summary>
        internal bool ReturnsScope { get; }

        internal static LockOperation ForCall(
            InvocationExpressionSyntax invocation,
            IMethodSymbol method,
            LockOperationKind kind,
            LockMode mode,
            LockClass lockClass,
            ExpressionSyntax? lockObject,
            ExpressionSyntax? takenFlag,
            bool returnsScope) =>
            new LockOperation(invocation, null, method, kind, mode, lockClass, lockObject, takenFlag, returnsScope);

        internal static LockOperation ForLockStatement(LockStatementSyntax statement, LockClass lockClass) =>
            new LockOperation(null, statement, null, LockOperationKind.Acquire, LockMode.Exclusive, lockClass, statement.Expression, null, returnsScope: false);
    }
}

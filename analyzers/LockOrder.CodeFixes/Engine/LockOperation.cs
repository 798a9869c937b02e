using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockOrder.CodeFixes.Engine
{
    /// <summary>One call that acquires or releases a lock, decoded from the called method's contract.</summary>
    internal sealed class LockOperation
    {
        internal LockOperation(InvocationExpressionSyntax invocation, IMethodSymbol method, LockOperationKind kind, LockMode mode, ITypeSymbol lockClass, ExpressionSyntax? receiver)
        {
            Invocation = invocation;
            Method = method;
            Kind = kind;
            Mode = mode;
            LockClass = lockClass;
            Receiver = receiver;
        }

        internal InvocationExpressionSyntax Invocation { get; }

        internal IMethodSymbol Method { get; }

        internal LockOperationKind Kind { get; }

        internal LockMode Mode { get; }

        /// <summary>The lock class: the receiver's type for a lock type's own method, else the contract's <c>typeof</c>.</summary>
        internal ITypeSymbol LockClass { get; }

        /// <summary>The lock object the call operates on, when the contract is on the receiver (<c>x</c> in <c>x.Enter()</c>).</summary>
        internal ExpressionSyntax? Receiver { get; }

        /// <summary>Whether the call returns a scope whose disposal releases the lock (<c>x.Lock()</c>, <c>x.Write()</c>).</summary>
        internal bool ReturnsScope => Kind == LockOperationKind.Acquire && !Method.ReturnsVoid;
    }
}
